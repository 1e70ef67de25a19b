package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 2.x, the embedded default of the demo: where H2 itself is the subject. */
class H2Tests {

    @TempDir
    Path dir;

    private String url;
    private Connection keepAlive;

    @BeforeEach
    void database() throws SQLException {
        url = "jdbc:h2:mem:" + UUID.randomUUID();
        keepAlive = DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    private Retort retort(RevisionFiles files) {
        return new Retort(RetortConfig.builder().url(url).user("sa").password("").locations(files.location())
                .output(line -> { }).build());
    }

    private List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = keepAlive.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void upgradeAndDowngradeRunOnH2() throws SQLException {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("h1", null).message("one").upgrade("CREATE TABLE one (id INT PRIMARY KEY);")
                .downgrade("DROP TABLE one;").write();
        files.add("h2", "h1").message("two").upgrade("CREATE TABLE two (id INT PRIMARY KEY);\n"
                + "INSERT INTO two VALUES (1);").downgrade("DROP TABLE two;").write();

        retort(files).upgrade("heads");
        assertThat(column("SELECT version_num FROM alembic_version")).containsExactly("h2");
        assertThat(column("SELECT count(*) FROM two")).containsExactly("1");
        assertThat(column("SELECT revision FROM alembic_version_log ORDER BY id")).containsExactly("h1", "h2");

        retort(files).downgrade("base", false);
        assertThat(column("SELECT count(*) FROM alembic_version")).containsExactly("0");
        assertThat(column("SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN ('ONE', 'TWO')"))
                .containsExactly("0");
    }

    @Test
    void onH2EachRevisionCommitsOnItsOwnBecauseItsDdlIsNotTransactional() throws SQLException {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("h1", null).message("one").upgrade("CREATE TABLE one (id INT);").write();
        files.add("h2", "h1").message("broken").upgrade("CREATE TABLE two (id INT);\nSELEC 1;").write();

        assertThatThrownBy(() -> retort(files).upgrade("heads"))
                .hasMessageContaining("line 9: SELEC 1")
                .hasMessageContaining("h2 commits DDL as it runs, so DDL statements of revision h2 before line 9 stay"
                        + " applied; the revision is not recorded. The database is at h1.");
        assertThat(column("SELECT version_num FROM alembic_version")).containsExactly("h1");
        assertThat(column("SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'TWO'"))
                .containsExactly("1");
    }

    @Test
    void lockOnH2IsARowLockOnItsOwnTable() throws SQLException {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("h1", null).message("one").upgrade("CREATE TABLE one (id INT);").write();

        retort(files).upgrade("heads");

        assertThat(column("SELECT lock_id FROM alembic_version_lock")).containsExactly("1");
    }
}
