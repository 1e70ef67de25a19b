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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Several processes migrating one database at once, and a killed one. */
class ConcurrentUpgradeJarTests {

    private static final int REVISIONS = 12;
    private static final int PROCESSES = 16;

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
    void sixteenProcessesUpgradingAtOnceApplyEachRevisionExactlyOnce() throws Exception {
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

    /**
     * Killed (SIGKILL) while a revision's statement runs: the database is at a revision boundary (the whole run
     * rolled back, or, with one transaction per revision, the revisions before the killed one committed), with
     * version rows, audit log and schema agreeing; a rerun completes the upgrade and applies each revision once.
     */
    @ParameterizedTest(name = "transaction per migration: {0}")
    @ValueSource(booleans = {false, true})
    void killedMidRevisionLeavesARevisionBoundaryAndARerunCompletes(boolean perMigration) throws Exception {
        db.reset();
        // the backend of a killed client notices the closed socket while it sleeps, as a server would be set up
        db.execute("ALTER DATABASE " + db.name() + " SET client_connection_check_interval = '200ms'");
        db.execute("CREATE TABLE markers (revision text NOT NULL)");
        RevisionFiles files = new RevisionFiles(project.resolve("versions"));
        files.add("k1", null).message("first").upgrade("CREATE TABLE k1 (id int);\n"
                + "INSERT INTO markers VALUES ('k1');").write();
        files.add("k2", "k1").message("slow").upgrade("CREATE TABLE k2 (id int);\nINSERT INTO markers VALUES"
                + " ('k2');\nSELECT pg_sleep(CASE WHEN EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'rerun')"
                + " THEN 0 ELSE 60 END);").write();
        files.add("k3", "k2").message("third").upgrade("CREATE TABLE k3 (id int);\n"
                + "INSERT INTO markers VALUES ('k3');").write();
        List<String> upgrade = perMigration ? args("--transaction-per-migration", "upgrade", "heads")
                : args("upgrade", "heads");

        Process victim = RetortJar.start(project, Map.of(), upgrade);
        Instant deadline = Instant.now().plusSeconds(60);
        while (db.column("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                + " AND query LIKE '%pg_sleep(CASE%' AND query NOT LIKE '%pg_stat_activity%'").isEmpty()) {
            assertThat(Instant.now()).as("the slow revision started").isBefore(deadline);
            assertThat(victim.isAlive()).as("the victim is running").isTrue();
            Thread.sleep(50);
        }
        victim.destroyForcibly().waitFor();
        while (!db.column("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <>"
                + " pg_backend_pid() AND backend_type = 'client backend'").isEmpty()) {
            assertThat(Instant.now()).as("the killed client's backends ended").isBefore(deadline);
            Thread.sleep(50);
        }

        List<String> applied = perMigration ? List.of("k1") : List.of();
        assertThat(db.column("SELECT revision FROM markers ORDER BY revision")).isEqualTo(applied);
        assertThat(db.tables()).isEqualTo(perMigration
                ? List.of("alembic_version", "alembic_version_log", "k1", "markers") : List.of("markers"));
        if (perMigration) {
            assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("k1");
            assertThat(db.column("SELECT direction || ' ' || revision FROM alembic_version_log ORDER BY id"))
                    .containsExactly("upgrade k1");
        }
        assertThat(db.column("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'")).isEmpty();

        db.execute("CREATE TABLE rerun (id int)");
        RetortJar.Run rerun = RetortJar.finish(RetortJar.start(project, Map.of(), upgrade));

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(db.column("SELECT revision FROM markers ORDER BY revision")).containsExactly("k1", "k2", "k3");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("k3");
        assertThat(db.column("SELECT direction || ' ' || revision FROM alembic_version_log ORDER BY id"))
                .containsExactly("upgrade k1", "upgrade k2", "upgrade k3");
    }

    /** The second run replaces the 60-second revision by a quick one: same id, no sleep. */
    private List<String> withSlowRevisionSkipped(List<String> args) {
        new RevisionFiles(project.resolve("versions")).add("slow", null).message("slow").upgrade("SELECT 1;").write();
        return args;
    }
}
