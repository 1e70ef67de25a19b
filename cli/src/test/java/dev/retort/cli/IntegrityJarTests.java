package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The integrity checks as a user meets them on the command line: the failure, and the commands that fix it. */
class IntegrityJarTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path project;

    private RetortJar.Run retort(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", db.url() + "?user=" + db.user()
                + (db.password() == null ? "" : "&password=" + db.password()), "--locations",
                "filesystem:" + project.resolve("versions")));
        all.addAll(List.of(args));
        return RetortJar.finish(RetortJar.start(project, Map.of(), all));
    }

    @Test
    void editedAppliedScriptFailsUntilItsChecksumIsStampedOrIgnored() throws Exception {
        db.reset();
        RevisionFiles files = new RevisionFiles(project.resolve("versions"));
        Path one = files.add("c1", null).message("one").upgrade("CREATE TABLE c1 (id int);").write();
        assertThat(retort("upgrade", "heads").exitCode()).isZero();
        Files.writeString(one, Files.readString(one).replace("(id int)", "(id bigint)"));
        files.add("c2", "c1").message("two").upgrade("CREATE TABLE c2 (id int);").write();

        RetortJar.Run refused = retort("upgrade", "heads");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("FAILED: Revision c1 was edited after it was applied: '" + one
                + "' no longer matches the checksum recorded when it ran (upgrade) at ")
                .contains("; nothing was run\nRestore the script as applied, or, if the edit is meant and the"
                        + " database already reflects it, record the script as it is now with 'stamp --checksums';"
                        + " --ignore-checksums (migrations.validate-checksums=false) skips this check.\n");
        assertThat(db.tables()).doesNotContain("c2");

        assertThat(retort("upgrade", "heads", "--ignore-checksums").exitCode()).isZero();
        assertThat(db.tables()).contains("c2");
        RetortJar.Run stamped = retort("stamp", "--checksums");
        assertThat(stamped.exitCode()).as(stamped.err()).isZero();
        assertThat(stamped.err()).contains("Recorded the checksum of c1 ('" + one + "') as it is now");
        assertThat(retort("upgrade", "heads").exitCode()).isZero();
    }

    @Test
    void stampWithoutRevisionsIsStillAUsageError() {
        RetortJar.Run run = retort("stamp");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                FAILED: Missing required parameter: 'REVISIONS'
                Usage: retort stamp [OPTIONS] [REVISIONS...]
                Run 'retort stamp --help' for the options.
                """);
    }
}
