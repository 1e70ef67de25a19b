package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.RevisionFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What upgrade and downgrade check against the audit log before running anything: edited applied scripts, a
 * re-parented applied revision, a revision moved below the current head, a deleted applied script, and
 * transaction control inside a transactional revision. Each failure leaves the database as it was.
 */
class IntegrityTests {

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

    /** Three revisions, each creating a table, applied. */
    private void applyThree() {
        files.add("r1", null).message("one").upgrade("CREATE TABLE t1 (id int);").downgrade("DROP TABLE t1;").write();
        files.add("r2", "r1").message("two").upgrade("CREATE TABLE t2 (id int);\nINSERT INTO t2 VALUES (1);")
                .downgrade("DROP TABLE t2;").write();
        files.add("r3", "r2").message("three").upgrade("CREATE TABLE t3 (id int);").downgrade("DROP TABLE t3;")
                .write();
        retort().upgrade("heads");
    }

    private String path(String fileName) {
        return dir + "/" + fileName;
    }

    /** Tables, version rows and audit log: what must not change when a run is refused. */
    private List<String> state() throws SQLException {
        List<String> state = new ArrayList<>(db.tables());
        state.addAll(db.column("SELECT 'row ' || version_num FROM alembic_version ORDER BY version_num"));
        state.addAll(db.column("SELECT 'log ' || id || ' ' || direction || ' ' || revision || ' ' ||"
                + " coalesce(checksum, '-') FROM alembic_version_log ORDER BY id"));
        state.addAll(db.column("SELECT 't2 ' || count(*) FROM t2"));
        return state;
    }

    private void edit(String fileName, String from, String to) throws IOException {
        Path file = dir.resolve(fileName);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    // ------------------------------------------------------------------------------------------ edited scripts

    @Test
    void upgradeAfterAnAppliedScriptWasEditedFailsNamingItAndRunsNothing() throws Exception {
        applyThree();
        files.add("r4", "r3").message("four").upgrade("CREATE TABLE t4 (id int);").write();
        edit("r2_two.sql", "INSERT INTO t2 VALUES (1);", "INSERT INTO t2 VALUES (2);");
        String appliedAt = appliedAt("r2");
        List<String> before = state();

        assertThatThrownBy(() -> retort().upgrade("heads"))
                .isInstanceOf(CommandException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.CHECKSUM_MISMATCH)
                .hasMessage("Revision r2 was edited after it was applied: '" + path("r2_two.sql") + "' no longer"
                        + " matches the checksum recorded when it ran (upgrade) at " + appliedAt + "; nothing was"
                        + " run\nRestore the script as applied, or, if the edit is meant and the database already"
                        + " reflects it, record the script as it is now with 'stamp --checksums'; --ignore-checksums"
                        + " (migrations.validate-checksums=false) skips this check.");

        assertThat(state()).isEqualTo(before);
        assertThat(db.tables()).doesNotContain("t4");
    }

    @Test
    void severalEditedScriptsAreListedTogetherAndDowngradeChecksToo() throws Exception {
        applyThree();
        edit("r1_one.sql", "CREATE TABLE t1 (id int);", "CREATE TABLE t1 (id bigint);");
        edit("r3_three.sql", "CREATE TABLE t3 (id int);", "CREATE TABLE t3 (id int, x int);");
        List<String> before = state();

        assertThatThrownBy(() -> retort().downgrade("-1", false))
                .hasMessage("2 revisions were edited after they were applied; their scripts no longer match the"
                        + " checksums recorded when they ran, and nothing was run:\n"
                        + "  r1 '" + path("r1_one.sql") + "' (ran (upgrade) at " + appliedAt("r1") + ")\n"
                        + "  r3 '" + path("r3_three.sql") + "' (ran (upgrade) at " + appliedAt("r3") + ")\n"
                        + "Restore the scripts as applied, or, if the edit is meant and the database already"
                        + " reflects it, record the scripts as they are now with 'stamp --checksums';"
                        + " --ignore-checksums (migrations.validate-checksums=false) skips this check.");

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void whitespaceHeaderAndLineEndingEditsAreNotChanges() throws Exception {
        applyThree();
        Path file = dir.resolve("r2_two.sql");
        String text = Files.readString(file)
                .replace("-- two\n", "-- two, reworded\n")
                .replace("CREATE TABLE t2 (id int);", "CREATE TABLE t2 (\n    id   int\n) ;\n\n")
                .replace("\n", "\r\n");
        Files.writeString(file, text + "   \r\n\r\n");
        files.add("r4", "r3").message("four").upgrade("CREATE TABLE t4 (id int);").write();

        retort().upgrade("heads");

        assertThat(db.tables()).contains("t4");
        assertThat(retort().status().modified()).isEmpty();
    }

    @Test
    void aChecksumRecordedBeforeWhitespaceWasNormalizedStillMatches() throws Exception {
        applyThree();
        String body = Files.readString(dir.resolve("r2_two.sql"));
        String legacy = sha256(body.substring(body.indexOf("-- migrate:upgrade")));
        db.execute("UPDATE alembic_version_log SET checksum = '" + legacy + "' WHERE revision = 'r2'");
        files.add("r4", "r3").message("four").upgrade("CREATE TABLE t4 (id int);").write();

        retort().upgrade("heads");

        assertThat(db.tables()).contains("t4");
    }

    @Test
    void stampChecksumsAcceptsTheEditWithAnAuditRowAndUpgradeThenRuns() throws Exception {
        applyThree();
        edit("r2_two.sql", "INSERT INTO t2 VALUES (1);", "INSERT INTO t2 VALUES (1); -- seeded once");
        files.add("r4", "r3").message("four").upgrade("CREATE TABLE t4 (id int);").write();

        assertThat(retort().stampChecksums(List.of())).containsExactly("r2");

        assertThat(db.column("SELECT direction || ' ' || revision FROM alembic_version_log ORDER BY id"))
                .containsExactly("upgrade r1", "upgrade r2", "upgrade r3", "checksum r2");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("r3");
        retort().upgrade("heads");
        assertThat(db.tables()).contains("t4");
        assertThat(retort().stampChecksums(List.of())).isEmpty();
    }

    @Test
    void stampChecksumsOfARevisionThatIsNotAppliedFails() throws Exception {
        applyThree();
        files.add("r4", "r3").message("four").upgrade("CREATE TABLE t4 (id int);").write();

        assertThatThrownBy(() -> retort().stampChecksums(List.of("r4")))
                .hasMessage("Revision r4 is not applied, so there is no checksum of it to record\n'stamp --checksums'"
                        + " records the scripts of applied revisions; 'history -i' shows which are applied.");
    }

    @Test
    void anUpToDateDatabaseIsAnsweredWithoutReadingTheScriptsAgainstTheirChecksums() throws Exception {
        applyThree();
        edit("r2_two.sql", "INSERT INTO t2 VALUES (1);", "INSERT INTO t2 VALUES (2);");

        assertThat(retort().upgrade("heads").steps()).isEmpty();
        assertThat(retort().status().modified()).containsExactly("r2");
    }

    @Test
    void ignoringChecksumsRunsDespiteTheEdit() throws Exception {
        applyThree();
        edit("r2_two.sql", "INSERT INTO t2 VALUES (1);", "INSERT INTO t2 VALUES (2);");
        files.add("r4", "r3").message("four").upgrade("CREATE TABLE t4 (id int);").write();

        retort(b -> b.validateChecksums(false)).upgrade("heads");

        assertThat(db.tables()).contains("t4");
    }

    @Test
    void historyCurrentAndStatusShowTheEditedRevision() throws Exception {
        applyThree();
        edit("r2_two.sql", "INSERT INTO t2 VALUES (1);", "INSERT INTO t2 VALUES (2);");
        String recorded = db.column("SELECT checksum FROM alembic_version_log WHERE revision = 'r2'").get(0);
        String now = retort().scripts().script("r2").body().checksum();

        retort().history(null, true, true);
        assertThat(String.join("\n", out)).contains("Rev: r2\n").contains("Modified: the script changed after it"
                + " was applied (checksum " + recorded.substring(0, 12) + " recorded, " + now.substring(0, 12)
                + " now)");
        out.clear();
        retort().current(true, false);
        assertThat(out).contains("Modified since applied: r2 ('" + path("r2_two.sql") + "'); 'stamp --checksums'"
                + " records it as it is now");
        MigrationStatus status = retort().status();
        assertThat(status.modified()).containsExactly("r2");
        assertThat(status.history()).extracting(MigrationStatus.RevisionInfo::revision,
                MigrationStatus.RevisionInfo::checksumMatches)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r3", true),
                        org.assertj.core.groups.Tuple.tuple("r2", false),
                        org.assertj.core.groups.Tuple.tuple("r1", true));
    }

    // ------------------------------------------------------------------------------------------ moved revisions

    @Test
    void reparentedAppliedRevisionIsNeverRunAgain() throws Exception {
        applyThree();
        // r3 now revises r1: r2 looks pending again and upgrade heads would insert its row twice
        edit("r3_three.sql", "-- Revises: r2", "-- Revises: r1");
        List<String> before = state();

        assertThatThrownBy(() -> retort().upgrade("heads"))
                .hasFieldOrPropertyWithValue("code", ErrorCode.REVISION_ALREADY_APPLIED)
                .hasMessage("Revision r2 is already applied (upgrade at " + appliedAt("r2") + ") but is not below"
                        + " the database's current revision (r3), so the plan would run it again: revision r3 was"
                        + " applied revising r2, and '" + path("r3_three.sql") + "' now says 'Revises: r1'; nothing"
                        + " was run\nRestore 'Revises: r2' in '" + path("r3_three.sql") + "': a revision that was"
                        + " applied keeps its place. To join two lines of revisions, use 'merge' instead.");

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void revisionMovedBelowTheCurrentHeadFailsInsteadOfBeingSkipped() throws Exception {
        applyThree();
        // a branch rebased in between r1 and r2: r2 now revises m1, which never ran
        files.add("m1", "r1").message("moved").upgrade("CREATE TABLE m1 (id int);").downgrade("DROP TABLE m1;")
                .write();
        edit("r2_two.sql", "-- Revises: r1", "-- Revises: m1");
        List<String> before = state();

        assertThatThrownBy(() -> retort().upgrade("heads"))
                .hasFieldOrPropertyWithValue("code", ErrorCode.MISSING_REVISIONS)
                .hasMessage("Revision m1 ('" + path("m1_moved.sql") + "') is below the database's current revision"
                        + " (r3) but never ran: the audit log has no record of it, and records revision r2, now"
                        + " above it, as applied without it (e.g. a branch merged or rebased below applied"
                        + " revisions); nothing was run\nRun it with 'upgrade --include-missing', or, if the"
                        + " database already has its changes, mark it applied with 'stamp --missing'.");
        assertThat(state()).isEqualTo(before);

        assertThatThrownBy(() -> retort().downgrade("r1", false))
                .hasMessageStartingWith("Revision m1 ('" + path("m1_moved.sql") + "') is below the database's"
                        + " current revision (r3) but never ran")
                .hasMessageEndingWith("; downgrading through it would undo changes that were never made, so nothing"
                        + " was run\nRun it first with 'upgrade --include-missing', or, if the database has its"
                        + " changes, mark it applied with 'stamp --missing'.");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void upgradeIncludeMissingRunsTheMovedRevisionWithoutMovingTheVersionRow() throws Exception {
        applyThree();
        files.add("m1", "r1").message("moved").upgrade("CREATE TABLE m1 (id int);").write();
        edit("r2_two.sql", "-- Revises: r1", "-- Revises: m1");

        MigrationResult result = retort(b -> b.includeMissing(true)).upgrade("heads");

        assertThat(result.steps()).extracting(MigrationResult.Step::description).containsExactly("upgrade r1 -> m1,"
                + " moved");
        assertThat(db.tables()).contains("m1");
        assertThat(db.column("SELECT version_num FROM alembic_version")).containsExactly("r3");
        assertThat(db.column("SELECT direction || ' ' || revision FROM alembic_version_log ORDER BY id"))
                .containsExactly("upgrade r1", "upgrade r2", "upgrade r3", "upgrade m1");
        retort().upgrade("heads");
    }

    @Test
    void stampMissingMarksTheMovedRevisionAppliedWithoutRunningIt() throws Exception {
        applyThree();
        files.add("m1", "r1").message("moved").upgrade("CREATE TABLE m1 (id int);").write();
        edit("r2_two.sql", "-- Revises: r1", "-- Revises: m1");

        assertThat(retort().stampMissing()).containsExactly("m1");

        assertThat(db.tables()).doesNotContain("m1");
        assertThat(db.column("SELECT direction || ' ' || revision || ' [' || from_revisions || '] -> ['"
                + " || to_revisions || ']' FROM alembic_version_log ORDER BY id"))
                .endsWith("stamp m1 [r1] -> [m1]");
        assertThat(retort().upgrade("heads").steps()).isEmpty();
    }

    @Test
    void databaseMigratedByAlembicWithoutAuditLogIsNotFlagged() throws Exception {
        files.add("r1", null).message("one").upgrade("CREATE TABLE t1 (id int);").write();
        files.add("r2", "r1").message("two").upgrade("CREATE TABLE t2 (id int);").write();
        files.add("r3", "r2").message("three").upgrade("CREATE TABLE t3 (id int);").write();
        db.execute("CREATE TABLE t1 (id int)", "CREATE TABLE t2 (id int)",
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                        + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('r2')");

        MigrationResult result = retort().upgrade("heads");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("r3");
        // later, with a log that starts at r3, r1 and r2 still count as applied
        files.add("r4", "r3").message("four").upgrade("CREATE TABLE t4 (id int);").write();
        assertThat(retort().upgrade("heads").steps()).extracting(MigrationResult.Step::revision)
                .containsExactly("r4");
    }

    @Test
    void branchAppliedBeforeTheAuditLogIsNotFlaggedWhenALoggedRevisionDependsOnIt() throws Exception {
        files.add("a1", null).message("a one").upgrade("CREATE TABLE a1 (id int);").write();
        files.add("a2", "a1").message("a two").upgrade("CREATE TABLE a2 (id int);").write();
        files.add("b1", null).message("b one").upgrade("CREATE TABLE b1 (id int);").write();
        files.add("a3", "a2").dependsOn("b1").message("a three").upgrade("CREATE TABLE a3 (id int);").write();
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('a2'), ('b1')");
        retort().upgrade("heads");
        files.add("a4", "a3").message("a four").upgrade("CREATE TABLE a4 (id int);").write();

        assertThat(retort().upgrade("heads").steps()).extracting(MigrationResult.Step::revision)
                .containsExactly("a4");
    }

    @Test
    void stampDownThenUpgradeRunsTheRevisionsAgainAsAlembicDoes() throws Exception {
        applyThree();
        db.execute("DROP TABLE t3");

        retort().stamp(List.of("r2"), false, false);
        retort().upgrade("heads");

        assertThat(db.tables()).contains("t3");
    }

    @Test
    void purgeStampIsRecordedSoTheRevisionsAboveRunAgain() throws Exception {
        applyThree();
        db.execute("DROP TABLE t3");

        retort().stamp(List.of("r2"), true, false);
        retort().upgrade("heads");

        assertThat(db.tables()).contains("t3");
        assertThat(db.column("SELECT direction || ' ' || revision || ' [' || from_revisions || '] -> ['"
                + " || to_revisions || ']' FROM alembic_version_log ORDER BY id"))
                .containsExactly("upgrade r1 [] -> [r1]", "upgrade r2 [r1] -> [r2]", "upgrade r3 [r2] -> [r3]",
                        "stamp r3 [r3] -> []", "stamp r2 [] -> [r2]", "upgrade r3 [r2] -> [r3]");
    }

    // ------------------------------------------------------------------------------------------ deleted scripts

    @Test
    void deletedScriptOfTheCurrentRevisionKeepsTheClearError() throws Exception {
        applyThree();
        Files.delete(dir.resolve("r3_three.sql"));
        List<String> before = state();

        assertThatThrownBy(() -> retort().upgrade("heads"))
                .hasFieldOrPropertyWithValue("code", ErrorCode.UNKNOWN_VERSION_ROW)
                .hasMessage("Can't locate revision identified by 'r3'\nThe database's version table holds revision"
                        + " 'r3', which no revision script under [" + files.location() + "] has. Restore that script"
                        + " (e.g. check out the branch that added it), or, if the database really is at another"
                        + " revision, re-stamp it: 'stamp --purge <revision>'.");

        assertThat(state()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ transaction control

    @Test
    void transactionControlInATransactionalRevisionIsRefusedWithFileAndLine() throws Exception {
        applyThree();
        List<String> before = state();
        for (String control : List.of("COMMIT", "commit work", "ROLLBACK", "BEGIN", "BEGIN TRANSACTION",
                "START TRANSACTION", "END", "ABORT")) {
            files.add("r4", "r3").message("four")
                    .upgrade("CREATE TABLE t4 (id int);\n" + control + ";\nCREATE TABLE t5 (id int);").write();

            assertThatThrownBy(() -> retort().upgrade("heads"))
                    .as(control)
                    .hasFieldOrPropertyWithValue("code", ErrorCode.INVALID_SCRIPT)
                    .hasMessage("Revision script '" + path("r4_four.sql") + "' line 9: '" + control + "' ends the"
                            + " transaction the revision runs in, so part of it would be committed without its"
                            + " version row and audit record\nRemove the statement: Retort commits each revision"
                            + " with its version row. A revision that must control transactions itself (e.g. for"
                            + " CREATE INDEX CONCURRENTLY) needs '-- Transactional: false' in its header and then"
                            + " runs outside a transaction.");
            assertThat(state()).as(control).isEqualTo(before);
        }
    }

    @Test
    void blocksAndSavepointsThatMerelyContainTransactionWordsRun() throws Exception {
        applyThree();
        files.add("r4", "r3").message("four").upgrade("""
                CREATE TABLE t4 (id int);
                DO $$ BEGIN INSERT INTO t4 VALUES (1); END $$;
                CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
                SAVEPOINT s;
                INSERT INTO t4 VALUES (2);
                ROLLBACK TO SAVEPOINT s;
                """).write();

        retort().upgrade("heads");

        assertThat(db.column("SELECT id FROM t4")).containsExactly("1");
    }

    @Test
    void nonTransactionalRevisionMayCommit() throws Exception {
        applyThree();
        files.add("r4", "r3").message("four").nonTransactional()
                .upgrade("CREATE TABLE t4 (id int);\nBEGIN;\nINSERT INTO t4 VALUES (1);\nCOMMIT;").write();

        retort().upgrade("heads");

        assertThat(db.column("SELECT id FROM t4")).containsExactly("1");
    }

    private String appliedAt(String revision) throws SQLException {
        return db.column("SELECT to_char(date_trunc('second', applied_at) AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM alembic_version_log WHERE revision = '" + revision
                + "' ORDER BY id DESC LIMIT 1").get(0);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
