package dev.retort.demo;

import static dev.retort.demo.Revisions.ADD_CLEANUP;
import static dev.retort.demo.Revisions.ADD_HOSTNAME;
import static dev.retort.demo.Revisions.MERGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code java -jar retort-demo.jar migrations <command>} against a fresh PostgreSQL database: each run is its own
 * JVM, as for users, with the CLI's output on standard output and its exit code.
 */
class DemoCommandModeTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    @Test
    void currentUpgradeCurrent() throws Exception {
        Run fresh = app("migrations", "current");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.out()).isEmpty();
        assertThat(db.tables()).isEmpty();

        Run upgrade = app("migrations", "upgrade", "heads");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.out()).isEmpty();
        assertThat(upgrade.err()).contains("Running upgrade " + ADD_HOSTNAME + ", " + ADD_CLEANUP + " -> " + MERGE
                + ", merge hostname and cleanup job type");
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log", "job", "worker");

        Run current = app("migrations", "current");
        assertThat(current.exitCode()).as(current.err()).isZero();
        assertThat(current.out()).isEqualTo(Revisions.HEAD + " (head)\n");
        assertNoWebServer(fresh, upgrade, current);
    }

    @Test
    void failingCommandExitsOneWithTheCliMessage() throws Exception {
        Run downgrade = app("migrations", "downgrade", "nonexistent");

        assertThat(downgrade.exitCode()).isEqualTo(1);
        assertThat(downgrade.out()).isEmpty();
        assertThat(downgrade.err()).contains("FAILED: ").contains("nonexistent");
        assertNoWebServer(downgrade);
    }

    /** Every run ended on its own (a web server would have kept it running), and none logged Tomcat starting. */
    private static void assertNoWebServer(Run... runs) {
        for (Run run : runs) {
            assertThat(run.err() + run.out()).doesNotContain("Tomcat initialized", "Tomcat started");
        }
    }

    private Run app(String... args) throws Exception {
        // C1 only: these short runs start faster without the optimizing compiler
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                DemoApplication.class.getName()));
        command.addAll(List.of(args));
        command.add("--spring.datasource.url=" + db.url());
        command.add("--spring.datasource.username=" + db.user());
        if (db.password() != null) {
            command.add("--spring.datasource.password=" + db.password());
        }
        // would show Tomcat's start lines if a web server came up (command mode logs warnings only by default)
        command.add("--logging.level.org.springframework.boot.tomcat=info");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DATABASE_URL");
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        assertThat(exited).as("the app exits by itself in command mode; it wrote:%n%s", err.get()).isTrue();
        return new Run(process.exitValue(), out.get(), err.get());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
