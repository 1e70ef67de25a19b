package dev.retort.demo;

import static dev.retort.demo.Revisions.HEAD;
import static dev.retort.demo.Revisions.LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.cli.RetortCli;
import dev.retort.test.PostgresDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's revisions on their own, without the app: the graph's shape, and every revision's downgrade on both
 * databases (the app itself only ever upgrades).
 */
class DemoRevisionsTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final String H2_URL = "jdbc:h2:mem:demo_revisions_tests;DB_CLOSE_DELAY=-1";

    @Test
    void historyHasABranchAndItsMerge() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = RetortCli.runEmbedded(new String[] {"history"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), retort(H2_URL, null, null).config(), "demo");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                4a8e1f7c3d95 -> d3869d744314 (head), add job priority
                91f4c6d2e8b3 -> 4a8e1f7c3d95, seed demo workers and jobs
                c5e8f2a1b934, e03b7d9a6f21 -> 91f4c6d2e8b3 (mergepoint), merge hostname and cleanup job type
                7d41a3e90c58 -> c5e8f2a1b934, add worker hostname
                7d41a3e90c58 -> e03b7d9a6f21, add cleanup job type
                2b9f6c1e4a07 -> 7d41a3e90c58 (branchpoint), create job table
                <base> -> 2b9f6c1e4a07, create worker table
                """);
    }

    @Test
    void downgradeToBaseAndUpgradeAgainOnPostgresql() throws SQLException {
        Retort retort = retort(db.url(), db.user(), db.password());

        retort.upgrade("heads");
        retort.downgrade("base", false);
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log");
        assertThat(db.column("SELECT typname FROM pg_type WHERE typname IN ('worker_status', 'job_type')")).isEmpty();

        retort.upgrade("heads");
        assertThat(retort.current(false, false)).containsExactly(HEAD);
        assertThat(db.column("SELECT enum_range(NULL::job_type)::text")).containsExactly("{build,test,deploy,cleanup}");
        assertThat(db.column("SELECT name FROM worker ORDER BY id")).containsExactly("runner-1", "runner-2", "runner-3");
    }

    @Test
    void downgradeToBaseAndUpgradeAgainOnH2() throws SQLException {
        Retort retort = retort(H2_URL, null, null);

        retort.upgrade("heads");
        retort.downgrade("base", false);
        assertThat(h2("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " ORDER BY TABLE_NAME")).containsExactly("ALEMBIC_VERSION", "ALEMBIC_VERSION_LOCK",
                        "ALEMBIC_VERSION_LOG");
        assertThat(h2("SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS")).isEmpty();

        retort.upgrade("heads");
        assertThat(retort.current(false, false)).containsExactly(HEAD);
        assertThat(h2("SELECT type FROM job ORDER BY id")).containsExactly("build", "cleanup", "deploy");
    }

    private static Retort retort(String url, String user, String password) {
        return new Retort(RetortConfig.builder().url(url).user(user).password(password).locations(LOCATIONS)
                .quiet(true).build());
    }

    private static List<String> h2(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(H2_URL); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
