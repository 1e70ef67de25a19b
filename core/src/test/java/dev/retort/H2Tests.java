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
import java.util.function.UnaryOperator;
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
                .hasMessageContaining("h2 commits DDL as it runs, so revision h2's statement 1 (line 8: CREATE TABLE"
                        + " two (id INT)) stays applied and the revision is not recorded; revisions before it were"
                        + " committed. The database is at h1.");
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

    // --- a revision that fails part-way: H2 commits DDL as it runs ---

    private Retort retort(RevisionFiles files, UnaryOperator<RetortConfig.Builder> customize) {
        return new Retort(customize.apply(RetortConfig.builder().url(url).user("sa").password("")
                .locations(files.location()).output(line -> { })).build());
    }

    /** The owners table, and a revision adding three columns whose second has a typo. */
    private RevisionFiles ownersWithATypo() {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id INT PRIMARY KEY);").write();
        ownerDetails(files, "ALTER TABLE owners ADD COLUMN nickname VARCHAR(30);", "DATEE");
        return files;
    }

    private static void ownerDetails(RevisionFiles files, String first, String birthDateType) {
        files.add("o2", "o1").message("owner details").upgrade(first + "\n"
                + "ALTER TABLE owners ADD COLUMN birth_date " + birthDateType + ";\n"
                + "ALTER TABLE owners ADD COLUMN email VARCHAR(100);").write();
    }

    private List<String> ownersColumns() throws SQLException {
        return column("SELECT column_name FROM information_schema.columns WHERE table_name = 'OWNERS'"
                + " ORDER BY ordinal_position");
    }

    private List<String> log() throws SQLException {
        return column("SELECT revision || ' ' || direction || COALESCE(' ' || applied_statements, '')"
                + " FROM alembic_version_log ORDER BY id");
    }

    private String failedAt() throws SQLException {
        return column("SELECT FORMATDATETIME(applied_at, 'yyyy-MM-dd''T''HH:mm:ss''Z''', 'en', 'UTC')"
                + " FROM alembic_version_log WHERE direction = 'failed' ORDER BY id DESC").get(0);
    }

    private String path() {
        return dir + "/o2_owner_details.sql";
    }

    /** The first run: statement 2 fails after statement 1, DDL, was committed. */
    private RevisionFiles failOnTheTypo() throws SQLException {
        RevisionFiles files = ownersWithATypo();
        assertThatThrownBy(() -> retort(files).upgrade("heads"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                    assertThat(e.getMessage()).isEqualTo("Running upgrade o1 -> o2 failed: revision script '"
                            + path() + "' line 9: ALTER TABLE owners ADD COLUMN birth_date DATEE\nUnknown data type:"
                            + " \"DATEE\"; SQL statement:\nALTER TABLE owners ADD COLUMN birth_date DATEE"
                            + " [50004-240]\nh2 commits DDL as it runs, so revision o2's statement 1 (line 8: ALTER"
                            + " TABLE owners ADD COLUMN nickname VARCHAR(30)) stays applied and the revision is not"
                            + " recorded; revisions before it were committed. The database is at o1. The audit log"
                            + " records this: fix the statement, then run the upgrade again with --resume to continue"
                            + " after statement 1, or undo statement 1 by hand and use --retry to run the whole"
                            + " revision again.");
                });
        assertThat(column("SELECT version_num FROM alembic_version")).containsExactly("o1");
        assertThat(ownersColumns()).containsExactly("ID", "NICKNAME");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1");
        return files;
    }

    @Test
    void aRevisionFailingAfterDdlIsRecordedAndTheRerunSaysSoInsteadOfRepeatingTheDdl() throws Exception {
        RevisionFiles files = failOnTheTypo();
        ownerDetails(files, "ALTER TABLE owners ADD COLUMN nickname VARCHAR(30);", "DATE");
        String failedAt = failedAt();

        assertThatThrownBy(() -> retort(files).upgrade("heads"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARTLY_APPLIED);
                    assertThat(e.getMessage()).isEqualTo("Revision o2 is partly applied: statement 1 of '" + path()
                            + "' (line 8: ALTER TABLE owners ADD COLUMN nickname VARCHAR(30)) stayed applied when its"
                            + " upgrade failed at " + failedAt + ", and running the revision from the start would"
                            + " run it again; nothing was run");
                    assertThat(e.action()).isEqualTo("Run 'upgrade heads --resume' to check that statement 1 is"
                            + " unchanged and run the rest of the revision, or undo statement 1 by hand and run"
                            + " 'upgrade heads --retry' to run the whole revision.");
                });
        assertThat(column("SELECT version_num FROM alembic_version")).containsExactly("o1");
        assertThat(ownersColumns()).containsExactly("ID", "NICKNAME");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1");
    }

    @Test
    void resumeRunsTheRevisionAfterTheStatementsThatStayedApplied() throws Exception {
        RevisionFiles files = failOnTheTypo();
        ownerDetails(files, "ALTER TABLE owners ADD COLUMN nickname VARCHAR(30);", "DATE");

        MigrationResult resumed = retort(files, b -> b.resume(true)).upgrade("heads");

        assertThat(resumed.steps()).extracting(MigrationResult.Step::revision).containsExactly("o2");
        assertThat(column("SELECT version_num FROM alembic_version")).containsExactly("o2");
        assertThat(ownersColumns()).containsExactly("ID", "NICKNAME", "BIRTH_DATE", "EMAIL");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1", "o2 upgrade");
        // the upgrade row resolves the failure: the next run has nothing to do and nothing to say about it
        assertThat(retort(files).upgrade("heads").steps()).isEmpty();
        assertThatThrownBy(() -> retort(files, b -> b.resume(true)).upgrade("heads"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
                    assertThat(e.getMessage()).isEqualTo("--resume is for a revision whose upgrade failed part-way,"
                            + " leaving some of its statements applied, and no revision this upgrade would run did;"
                            + " nothing was run");
                    assertThat(e.action()).isEqualTo("Run 'upgrade heads' without --resume; 'current -v' lists"
                            + " partly applied revisions.");
                });
    }

    @Test
    void resumeRefusesWhenTheStatementsThatStayedAppliedWereEdited() throws Exception {
        RevisionFiles files = failOnTheTypo();
        ownerDetails(files, "ALTER TABLE owners ADD COLUMN nickname VARCHAR(40);", "DATE");
        String failedAt = failedAt();

        assertThatThrownBy(() -> retort(files, b -> b.resume(true)).upgrade("heads"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARTLY_APPLIED);
                    assertThat(e.getMessage()).isEqualTo("Revision o2 can't be resumed: statement 1 of '" + path()
                            + "' (line 8: ALTER TABLE owners ADD COLUMN nickname VARCHAR(40)) stayed applied when its"
                            + " upgrade failed at " + failedAt + ", but has been edited since, so the database may"
                            + " not hold what the script says; nothing was run");
                    assertThat(e.action()).isEqualTo("Restore statement 1 as it ran and run 'upgrade heads --resume'"
                            + " again, or undo what it did by hand and run 'upgrade heads --retry'.");
                });
        assertThat(column("SELECT version_num FROM alembic_version")).containsExactly("o1");
        assertThat(ownersColumns()).containsExactly("ID", "NICKNAME");
    }

    @Test
    void retryRunsTheWholeRevisionOnceItsAppliedStatementsWereUndone() throws Exception {
        RevisionFiles files = failOnTheTypo();
        ownerDetails(files, "ALTER TABLE owners ADD COLUMN nickname VARCHAR(40);", "DATE");
        keepAlive.createStatement().execute("ALTER TABLE owners DROP COLUMN nickname");

        retort(files, b -> b.retry(true)).upgrade("heads");

        assertThat(column("SELECT version_num FROM alembic_version")).containsExactly("o2");
        assertThat(column("SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_name = 'OWNERS' AND column_name = 'NICKNAME'")).containsExactly("40");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1", "o2 upgrade");
    }

    @Test
    void aFailedRetryThatLeftNothingAppliedIsRecordedTooSoTheEarlierRecordNoLongerCounts() throws Exception {
        RevisionFiles files = failOnTheTypo();
        keepAlive.createStatement().execute("ALTER TABLE owners DROP COLUMN nickname");
        ownerDetails(files, "ALTER TABLE owners ADD COLUMN nickname VARCHARR(30);", "DATE");

        assertThatThrownBy(() -> retort(files, b -> b.retry(true)).upgrade("heads"))
                .hasMessageContaining("None of revision o2's statements stayed applied; revisions before it were"
                        + " committed. The database is at o1. Fix the statement and run the command again.");

        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1", "o2 failed 0");
        ownerDetails(files, "ALTER TABLE owners ADD COLUMN nickname VARCHAR(30);", "DATE");
        retort(files).upgrade("heads");
        assertThat(ownersColumns()).containsExactly("ID", "NICKNAME", "BIRTH_DATE", "EMAIL");
    }

    @Test
    void dataChangesAfterTheLastDdlAreRolledBackAndRunAgainOnResume() throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id INT PRIMARY KEY);").write();
        files.add("o2", "o1").message("seed").upgrade("""
                INSERT INTO owners VALUES (1);
                CREATE TABLE pets (id INT PRIMARY KEY);
                INSERT INTO owners VALUES (2);
                INSERT INTO pets VALUES ('x');""").write();

        assertThatThrownBy(() -> retort(files).upgrade("heads"))
                .hasMessageContaining("h2 commits DDL as it runs, so revision o2's statements 1 to 2 (through line 9:"
                        + " CREATE TABLE pets (id INT PRIMARY KEY)) stay applied (the later ones were rolled back) and"
                        + " the revision is not recorded;");
        assertThat(column("SELECT id FROM owners")).containsExactly("1");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 2");

        files.add("o2", "o1").message("seed").upgrade("""
                INSERT INTO owners VALUES (1);
                CREATE TABLE pets (id INT PRIMARY KEY);
                INSERT INTO owners VALUES (2);
                INSERT INTO pets VALUES (1);""").write();
        retort(files, b -> b.resume(true)).upgrade("heads");

        assertThat(column("SELECT id FROM owners ORDER BY id")).containsExactly("1", "2");
        assertThat(column("SELECT id FROM pets")).containsExactly("1");
    }

    @Test
    void aRevisionWithNoDdlBeforeItsFailureIsRolledBackAndRecordedAsSuch() throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id INT PRIMARY KEY);").write();
        files.add("o2", "o1").message("seed").upgrade("INSERT INTO owners VALUES (1);\nINSERT INTO owners VALUES"
                + " ('x');").write();

        assertThatThrownBy(() -> retort(files).upgrade("heads"))
                .hasMessageEndingWith("\nNone of revision o2's statements stayed applied; revisions before it were"
                        + " committed. The database is at o1. Fix the statement and run the command again.");

        assertThat(column("SELECT count(*) FROM owners")).containsExactly("0");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 0");
    }

    @Test
    void anAuditLogMadeBeforeFailuresWereRecordedGetsTheColumnWhenOneIs() throws Exception {
        // the audit log as Retort created it before it recorded failed revisions
        keepAlive.createStatement().execute("CREATE TABLE alembic_version_log (id BIGINT GENERATED BY DEFAULT AS"
                + " IDENTITY PRIMARY KEY, revision VARCHAR(32) NOT NULL, direction VARCHAR(16) NOT NULL,"
                + " from_revisions VARCHAR(1024) NOT NULL, to_revisions VARCHAR(1024) NOT NULL, script VARCHAR(1024),"
                + " checksum CHAR(64), applied_at TIMESTAMP WITH TIME ZONE NOT NULL, execution_time_ms BIGINT NOT"
                + " NULL, applied_by VARCHAR(128) NOT NULL)");

        RevisionFiles files = failOnTheTypo();

        ownerDetails(files, "ALTER TABLE owners ADD COLUMN nickname VARCHAR(30);", "DATE");
        retort(files, b -> b.resume(true)).upgrade("heads");
        assertThat(ownersColumns()).containsExactly("ID", "NICKNAME", "BIRTH_DATE", "EMAIL");
    }

    @Test
    void ddlThatFailsToParseLeavesTheDataChangesBeforeItAppliedAsDdlThatRunsWould() throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id INT PRIMARY KEY);").write();
        files.add("o2", "o1").message("seed").upgrade("INSERT INTO owners VALUES (1);\n"
                + "ALTER TABLE owners ADD COLUMN birth_date DATEE;").write();

        assertThatThrownBy(() -> retort(files).upgrade("heads"))
                .hasMessageContaining("h2 commits DDL as it runs, so revision o2's statement 1 (line 8: INSERT INTO"
                        + " owners VALUES (1)) stays applied and the revision is not recorded;");
        assertThat(column("SELECT id FROM owners")).containsExactly("1");

        files.add("o2", "o1").message("seed").upgrade("INSERT INTO owners VALUES (1);\n"
                + "ALTER TABLE owners ADD COLUMN birth_date DATE;").write();
        retort(files, b -> b.resume(true)).upgrade("heads");
        assertThat(column("SELECT id FROM owners")).containsExactly("1");
        assertThat(ownersColumns()).containsExactly("ID", "BIRTH_DATE");
    }
}
