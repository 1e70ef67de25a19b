package dev.retort.demo;

import static dev.retort.demo.Revisions.ADD_CLEANUP;
import static dev.retort.demo.Revisions.ADD_HOSTNAME;
import static dev.retort.demo.Revisions.MERGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.test.PostgresDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /** The revision scripts as they are in the demo's source tree, where command mode reads them from. */
    private static final String SOURCE_TREE = "Reading the revision scripts from the source tree"
            + " (src/main/resources/db/migrations/common, src/main/resources/db/migrations/postgresql), not from the"
            + " application's class path";

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

    @Test
    void springOptionsBeforeMigrationsAreTheApplicationsAndTheCommandRunsWithoutStartingIt() throws Exception {
        Run stamp = app("--spring.jpa.open-in-view=false", "migrations", "stamp", ADD_CLEANUP);

        assertThat(stamp.exitCode()).as(stamp.err()).isZero();
        assertThat(stamp.out()).isEmpty();
        assertThat(stamp.err()).contains(SOURCE_TREE).contains("Running stamp_revision  -> " + ADD_CLEANUP)
                .doesNotContain("HikariPool", "EntityManagerFactory");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly(ADD_CLEANUP);
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log");
        assertNoWebServer(stamp);
    }

    @Test
    void migrationsAfterAnotherArgumentIsRefusedAndNothingStarts() throws Exception {
        // '--spring.profiles.active postgres' (a space, not '='): 'postgres' is an argument before 'migrations'
        Run refused = app("--spring.profiles.active", "postgres", "migrations", "stamp", ADD_CLEANUP);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("FAILED: 'migrations' must be the first argument, after Spring options"
                + " such as --spring.profiles.active=postgres only: java -jar <app>.jar [--name=value ...] migrations"
                + " <command> [args]. 'postgres' comes before it, so the application was not started and no command"
                + " ran.\n");
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void aCommandThatNeedsOnlyTheConfigurationStartsNoContext() throws Exception {
        Run history = app("migrations", "heads");

        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).isEqualTo(Revisions.HEAD + " (head)\n");
        assertThat(history.err()).doesNotContain("HikariPool", "EntityManagerFactory", "Started DemoApplication");
    }

    @Test
    void anUnsupportedDatabaseIsNamedBeforeAnyScriptIsRead() throws Exception {
        // the demo's MariaDB profile, as a user might add one: there is no db/migrations/mariadb folder
        DemoProcess.Run current = DemoProcess.run(null, List.of("migrations", "current",
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/mysql", "--spring.datasource.username=root"));

        assertThat(current.exitCode()).isEqualTo(1);
        assertThat(current.out()).isEmpty();
        assertThat(current.err()).isEqualTo("FAILED: Retort supports PostgreSQL (and H2, for tests and development),"
                + " not MariaDB: spring.datasource.url is jdbc:mariadb://127.0.0.1:3306/mysql. Point"
                + " spring.datasource.url (or migrations.url) at a PostgreSQL database, or set"
                + " migrations.enabled=false so that Retort leaves this one alone.\n");
    }

    /** Every run ended on its own (a web server would have kept it running), and none logged Tomcat starting. */
    private static void assertNoWebServer(Run... runs) {
        for (Run run : runs) {
            assertThat(run.err() + run.out()).doesNotContain("Tomcat initialized", "Tomcat started");
        }
    }

    private Run app(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.add("--spring.datasource.url=" + db.url());
        command.add("--spring.datasource.username=" + db.user());
        if (db.password() != null) {
            command.add("--spring.datasource.password=" + db.password());
        }
        // would show Tomcat's start lines if a web server came up (command mode logs warnings only by default)
        command.add("--logging.level.org.springframework.boot.tomcat=info");
        // would show the connection pool and the EntityManagerFactory if the application context started
        command.add("--logging.level.com.zaxxer.hikari=info");
        command.add("--logging.level.org.springframework.orm.jpa=info");
        DemoProcess.Run run = DemoProcess.run(null, command);
        return new Run(run.exitCode(), run.out(), run.err());
    }
}
