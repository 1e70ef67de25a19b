package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.retort.runtime.MigrationFailedException;
import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code Transactional: false} revision that fails part-way on PostgreSQL: what the failure records, what the next
 * run says instead of repeating the statements that stayed applied, and {@code --resume} / {@code --retry}.
 */
class ResumeTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path dir;

    private RevisionFiles files;
    private final List<String> out = new ArrayList<>();

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
        files = new RevisionFiles(dir);
        out.clear();
    }

    private Retort retort() {
        return retort(UnaryOperator.identity());
    }

    private Retort retort(UnaryOperator<RetortConfig.Builder> customize) {
        return new Retort(customize.apply(RetortConfig.builder().url(db.url()).user(db.user())
                .password(db.password()).locations(files.location()).output(out::add)).build());
    }

    /** The owners table, and a non-transactional revision adding three columns. */
    private void owners(String nickname, String birthDateType) {
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id int PRIMARY KEY);").write();
        files.add("o2", "o1").message("owner details").nonTransactional().upgrade(
                "ALTER TABLE owners ADD COLUMN nickname " + nickname + ";\n"
                + "ALTER TABLE owners ADD COLUMN birth_date " + birthDateType + ";\n"
                + "ALTER TABLE owners ADD COLUMN email varchar(100);").write();
    }

    private String path() {
        return dir + "/o2_owner_details.sql";
    }

    private List<String> ownersColumns() throws SQLException {
        return db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'owners'"
                + " ORDER BY ordinal_position");
    }

    private List<String> rows() throws SQLException {
        return db.column("SELECT version_num FROM alembic_version");
    }

    private List<String> log() throws SQLException {
        return db.column("SELECT revision || ' ' || direction || coalesce(' ' || applied_statements, '')"
                + " FROM alembic_version_log ORDER BY id");
    }

    private String failedAt() throws SQLException {
        return db.column("SELECT to_char(date_trunc('second', applied_at) AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM alembic_version_log WHERE direction = 'failed'"
                + " ORDER BY id DESC LIMIT 1").get(0);
    }

    /** The first run: statement 2 has a typo, statement 1 ran in autocommit and stays. */
    private void failOnTheTypo() throws SQLException {
        owners("varchar(30)", "datee");
        assertThatThrownBy(() -> retort().upgrade("heads"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                    assertThat(e.getMessage()).isEqualTo("Running upgrade o1 -> o2 failed: revision script '"
                            + path() + "' line 10: ALTER TABLE owners ADD COLUMN birth_date datee\nERROR: type"
                            + " \"datee\" does not exist\n  Position: 42\nRevision o2 runs outside a transaction"
                            + " (Transactional: false), so its statement 1 (line 9: ALTER TABLE owners ADD COLUMN"
                            + " nickname varchar(30)) stays applied and the revision is not recorded; revisions before"
                            + " it were committed. The database is at o1. The audit log records this: fix the"
                            + " statement, then run the upgrade again with --resume to continue after statement 1, or"
                            + " undo statement 1 by hand and use --retry to run the whole revision again.");
                    assertThat(e.getCause()).isInstanceOfSatisfying(MigrationFailedException.class,
                            failed -> assertThat(failed.appliedStatements()).isEqualTo(1));
                });
        assertThat(rows()).containsExactly("o1");
        assertThat(ownersColumns()).containsExactly("id", "nickname");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1");
    }

    @Test
    void theRunAfterAPartFailureSaysWhatStayedAppliedAndChangesNothing() throws SQLException {
        failOnTheTypo();
        owners("varchar(30)", "date");
        String failedAt = failedAt();

        assertThatThrownBy(() -> retort().upgrade("heads"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARTLY_APPLIED);
                    assertThat(e.getMessage()).isEqualTo("Revision o2 is partly applied: statement 1 of '" + path()
                            + "' (line 9: ALTER TABLE owners ADD COLUMN nickname varchar(30)) stayed applied when its"
                            + " upgrade failed at " + failedAt + ", and running the revision from the start would"
                            + " run it again; nothing was run");
                    assertThat(e.action()).isEqualTo("Run 'upgrade heads --resume' to check that statement 1 is"
                            + " unchanged and run the rest of the revision, or undo statement 1 by hand and run"
                            + " 'upgrade heads --retry' to run the whole revision.");
                });
        assertThat(rows()).containsExactly("o1");
        assertThat(ownersColumns()).containsExactly("id", "nickname");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1");
    }

    @Test
    void theStatusNamesThePartlyAppliedRevisionWithWhatStayedAppliedAndWhen() throws SQLException {
        failOnTheTypo();
        String failedAt = failedAt();

        MigrationStatus status = retort().status();

        assertThat(status.pending()).containsExactly("o2");
        assertThat(status.partlyApplied()).containsExactly("o2");
        assertThat(status.history()).extracting(MigrationStatus.RevisionInfo::revision,
                MigrationStatus.RevisionInfo::state, MigrationStatus.RevisionInfo::appliedStatements)
                .containsExactly(tuple("o2", "pending", 1), tuple("o1", "current", null));
        assertThat(AuditHistory.at(status.history().get(0).failedAt())).isEqualTo(failedAt);
        assertThat(status.history().get(1).failedAt()).isNull();
    }

    @Test
    void resumeRunsTheRestAndRecordsTheUpgrade() throws SQLException {
        failOnTheTypo();
        owners("varchar(30)", "date");

        MigrationResult result = retort(b -> b.resume(true)).upgrade("heads");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("o2");
        assertThat(rows()).containsExactly("o2");
        assertThat(ownersColumns()).containsExactly("id", "nickname", "birth_date", "email");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1", "o2 upgrade");
        assertThat(retort().upgrade("heads").steps()).isEmpty();
        assertThat(retort().status().partlyApplied()).isEmpty();
        assertThat(retort().status().history().get(0).appliedStatements()).isNull();
    }

    @Test
    void resumeRefusesWhenAnAppliedStatementWasEdited() throws SQLException {
        failOnTheTypo();
        owners("varchar(40)", "date");
        String failedAt = failedAt();

        assertThatThrownBy(() -> retort(b -> b.resume(true)).upgrade("heads"))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARTLY_APPLIED);
                    assertThat(e.getMessage()).isEqualTo("Revision o2 can't be resumed: statement 1 of '" + path()
                            + "' (line 9: ALTER TABLE owners ADD COLUMN nickname varchar(40)) stayed applied when its"
                            + " upgrade failed at " + failedAt + ", but has been edited since, so the database may not"
                            + " hold what the script says; nothing was run");
                    assertThat(e.action()).isEqualTo("Restore statement 1 as it ran and run 'upgrade heads --resume'"
                            + " again, or undo what it did by hand and run 'upgrade heads --retry'.");
                });
        assertThat(rows()).containsExactly("o1");
        assertThat(ownersColumns()).containsExactly("id", "nickname");
    }

    @Test
    void reindentingTheAppliedStatementsIsNotAnEdit() throws SQLException {
        failOnTheTypo();
        files.add("o2", "o1").message("owner details").nonTransactional().upgrade(
                "-- the nickname\nALTER TABLE owners\n    ADD COLUMN nickname varchar(30);\n"
                + "ALTER TABLE owners ADD COLUMN birth_date date;\n"
                + "ALTER TABLE owners ADD COLUMN email varchar(100);").write();

        retort(b -> b.resume(true)).upgrade("heads");

        assertThat(ownersColumns()).containsExactly("id", "nickname", "birth_date", "email");
    }

    @Test
    void retryRunsTheWholeRevisionAfterTheAppliedStatementsWereUndone() throws SQLException {
        failOnTheTypo();
        owners("varchar(40)", "date");
        db.execute("ALTER TABLE owners DROP COLUMN nickname");

        retort(b -> b.retry(true)).upgrade("heads");

        assertThat(rows()).containsExactly("o2");
        assertThat(db.column("SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_name = 'owners' AND column_name = 'nickname'")).containsExactly("40");
        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1", "o2 upgrade");
    }

    @Test
    void aResumeThatFailsAgainRecordsEveryStatementThatIsNowApplied() throws SQLException {
        failOnTheTypo();
        owners("varchar(30)", "date");
        files.add("o3", "o2").message("later").upgrade("CREATE TABLE later (id int);").write();
        files.add("o2", "o1").message("owner details").nonTransactional().upgrade(
                "ALTER TABLE owners ADD COLUMN nickname varchar(30);\n"
                + "ALTER TABLE owners ADD COLUMN birth_date date;\n"
                + "ALTER TABLE owners ADD COLUMN email varchr(100);").write();

        assertThatThrownBy(() -> retort(b -> b.resume(true)).upgrade("heads"))
                .hasMessageContaining("so its statements 1 to 2 (through line 10: ALTER TABLE owners ADD COLUMN"
                        + " birth_date date) stay applied");

        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1", "o2 failed 2");
        assertThat(db.tables()).doesNotContain("later");
        owners("varchar(30)", "date");
        retort(b -> b.resume(true)).upgrade("heads");
        assertThat(rows()).containsExactly("o3");
        assertThat(ownersColumns()).containsExactly("id", "nickname", "birth_date", "email");
    }

    @Test
    void aTransactionTheRevisionOpenedItselfIsRolledBackAndNotCountedAsApplied() throws SQLException {
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id int PRIMARY KEY);").write();
        files.add("o2", "o1").message("seed").nonTransactional().upgrade("""
                CREATE INDEX CONCURRENTLY owners_id ON owners (id);
                BEGIN;
                INSERT INTO owners VALUES (1);
                INSERT INTO owners VALUES ('x');
                COMMIT;""").write();

        assertThatThrownBy(() -> retort().upgrade("heads"))
                .hasMessageContaining("so its statement 1 (line 9: CREATE INDEX CONCURRENTLY owners_id ON owners"
                        + " (id)) stays applied (the later ones were rolled back) and the revision is not"
                        + " recorded;");

        assertThat(log()).containsExactly("o1 upgrade", "o2 failed 1");
        assertThat(db.column("SELECT count(*) FROM owners")).containsExactly("0");
        files.add("o2", "o1").message("seed").nonTransactional().upgrade("""
                CREATE INDEX CONCURRENTLY owners_id ON owners (id);
                BEGIN;
                INSERT INTO owners VALUES (1);
                INSERT INTO owners VALUES (2);
                COMMIT;""").write();
        retort(b -> b.resume(true)).upgrade("heads");
        assertThat(db.column("SELECT id FROM owners ORDER BY id")).containsExactly("1", "2");
    }

    @Test
    void aTransactionalRevisionThatFailsIsRolledBackAndRecordsNoFailure() throws SQLException {
        files.add("o1", null).message("owners").upgrade("CREATE TABLE owners (id int PRIMARY KEY);").write();
        files.add("o2", "o1").message("owner details").upgrade("ALTER TABLE owners ADD COLUMN nickname text;\n"
                + "ALTER TABLE owners ADD COLUMN birth_date datee;").write();

        assertThatThrownBy(() -> retort(b -> b.transactionPerMigration(true)).upgrade("heads"))
                .hasMessageEndingWith("Revision o2 was rolled back; revisions before it were committed. The database"
                        + " is at o1. Fix the statement and run the command again.");

        assertThat(ownersColumns()).containsExactly("id");
        assertThat(log()).containsExactly("o1 upgrade");
    }
}
