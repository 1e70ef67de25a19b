package dev.retort.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrations revision} run from the project, without rebuilding the application in between: each new
 * revision builds on the scripts as they are in the source tree, not as they were packaged.
 */
class DemoSourceTreeTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path project;

    @Test
    void twoRevisionsInARowFromTheProjectFormOneLine() throws Exception {
        copyTree(Path.of("src/main/resources/db/migrations"), project.resolve("src/main/resources/db/migrations"));

        DemoProcess.Run first = app(project, "migrations", "revision", "-m", "seed more data");
        DemoProcess.Run second = app(project, "migrations", "revision", "-m", "and then some");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.err()).contains("Reading the revision scripts from the source tree"
                + " (src/main/resources/db/migrations/common, src/main/resources/db/migrations/postgresql), not from"
                + " the application's class path");
        Path common = project.resolve("src/main/resources/db/migrations/common");
        String firstId = newRevision(common, "seed_more_data");
        String secondId = newRevision(common, "and_then_some");
        assertThat(Files.readString(script(common, "seed_more_data"))).contains("Revises: " + Revisions.HEAD + "\n");
        assertThat(Files.readString(script(common, "and_then_some"))).contains("Revises: " + firstId + "\n");
        DemoProcess.Run heads = app(project, "migrations", "heads");
        assertThat(heads.out()).isEqualTo(secondId + " (head)\n");
    }

    @Test
    void aRevisionThatWouldStartASecondRootUnnoticedIsRefused() throws Exception {
        // the scripts are read from the class path (an empty location), but the source directory has some
        Path versions = project.resolve("versions");
        copyTree(Path.of("src/main/resources/db/migrations/common"), versions);

        DemoProcess.Run revision = app(project, "migrations", "revision", "-m", "seed data",
                "--migrations.locations=classpath:db/none", "--migrations.source-directory=" + versions);

        assertThat(revision.exitCode()).isEqualTo(1);
        assertThat(revision.err()).contains("FAILED: The scripts read from [classpath:db/none] have no revisions,"
                + " but " + versions + " holds 4 revision scripts: the new revision would start a second root (an"
                + " empty 'Revises'). Read the scripts where they are written (run from the project directory, or"
                + " rebuild), or pass --head base to start a new root on purpose.\n");
        try (Stream<Path> files = Files.list(versions)) {
            assertThat(files.count()).isEqualTo(4);
        }

        DemoProcess.Run root = app(project, "migrations", "revision", "-m", "second root", "--head", "base",
                "--migrations.locations=classpath:db/none", "--migrations.source-directory=" + versions);
        assertThat(root.exitCode()).as(root.err()).isZero();
        assertThat(Files.readString(script(versions, "second_root"))).contains("Revises: \n");
    }

    private static DemoProcess.Run app(Path directory, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + db.url());
        all.add("--spring.datasource.username=" + db.user());
        if (db.password() != null) {
            all.add("--spring.datasource.password=" + db.password());
        }
        return DemoProcess.run(directory, all);
    }

    private static Path script(Path directory, String slug) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_" + slug + ".sql")).findFirst()
                    .orElseThrow(() -> new AssertionError("no revision '" + slug + "' in " + directory));
        }
    }

    /** The id in a new revision's file name: {@code <date>_<time>_<id>_<slug>.sql}. */
    private static String newRevision(Path directory, String slug) throws IOException {
        return script(directory, slug).getFileName().toString().split("_")[2];
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
