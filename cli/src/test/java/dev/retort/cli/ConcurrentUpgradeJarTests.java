package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Several processes migrating one database at once, and a killed one. */
class ConcurrentUpgradeJarTests {

    private static final int REVISIONS = 12;
    private static final int PROCESSES = 8;

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path project;

    private List<String> args(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", db.url() + "?user=" + db.user()
                + (db.password() == null ? "" : "&password=" + db.password()), "--locations",
                "filesystem:" + project.resolve("versions")));
        all.addAll(List.of(args));
        return all;
    }

    @Test
    void eightProcessesUpgradingAtOnceApplyEachRevisionExactlyOnce() throws Exception {
        db.reset();
        db.execute("CREATE TABLE markers (revision text NOT NULL, backend int NOT NULL)");
        RevisionFiles files = new RevisionFiles(project.resolve("versions"));
        for (int i = 1; i <= REVISIONS; i++) {
            String id = String.format("r%02d", i);
            files.add(id, i == 1 ? null : String.format("r%02d", i - 1)).message("marker " + i)
                    .upgrade((i == 1 ? "SELECT pg_sleep(0.5);\n" : "")
                            + "INSERT INTO markers VALUES ('" + id + "', pg_backend_pid());").write();
        }

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(RetortJar.start(project, Map.of(), args("upgrade", "heads")));
        }
        List<RetortJar.Run> runs = processes.stream().map(RetortJar::finish).toList();

        assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).as(run.err()).isZero());
        assertThat(db.column("SELECT revision || ':' || count(*) FROM markers GROUP BY revision ORDER BY revision"))
                .hasSize(REVISIONS).allMatch(row -> row.endsWith(":1"));
        assertThat(db.column("SELECT count(DISTINCT backend) FROM markers")).containsExactly("1");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly(String.format("r%02d", REVISIONS));
        assertThat(db.column("SELECT count(*) FROM alembic_version_log")).containsExactly(String.valueOf(REVISIONS));
        assertThat(runs.stream().filter(run -> run.err().contains("Upgraded " + REVISIONS + " revisions"))).hasSize(1);
        assertThat(runs.stream().filter(run -> run.err().contains("Database is up to date at r12 (head)")))
                .hasSize(PROCESSES - 1);
    }

    @Test
    void killedProcessLeavesNoLockBehind() throws Exception {
        db.reset();
        RevisionFiles files = new RevisionFiles(project.resolve("versions"));
        files.add("slow", null).message("slow").upgrade("SELECT pg_sleep(60);").write();
        files.add("next", "slow").message("next").upgrade("CREATE TABLE after_kill (id int);").write();

        Process victim = RetortJar.start(project, Map.of(), args("upgrade", "heads"));
        Instant deadline = Instant.now().plusSeconds(30);
        while (db.column("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted").isEmpty()) {
            assertThat(Instant.now()).as("the first process took the lock").isBefore(deadline);
            Thread.sleep(100);
        }
        victim.destroyForcibly().waitFor();

        Instant started = Instant.now();
        RetortJar.Run run = RetortJar.finish(RetortJar.start(project, Map.of(),
                withSlowRevisionSkipped(args("--lock-timeout", "20", "upgrade", "heads"))));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
        assertThat(db.tables()).contains("after_kill");
    }

    /** The second run replaces the 60-second revision by a quick one: same id, no sleep. */
    private List<String> withSlowRevisionSkipped(List<String> args) {
        new RevisionFiles(project.resolve("versions")).add("slow", null).message("slow").upgrade("SELECT 1;").write();
        return args;
    }
}
