package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.test.PostgresDatabase;
import dev.retort.test.ReferenceScripts;
import dev.retort.test.RevisionFiles;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** upgrade, downgrade and current against PostgreSQL, on the graph of the Alembic reference. */
class UpgradeTests {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path scripts;

    @TempDir
    static Path linear;

    private final List<String> out = new ArrayList<>();

    @BeforeAll
    static void writeScripts() {
        ReferenceScripts.write(scripts);
        RevisionFiles files = new RevisionFiles(linear);
        for (int i = 1; i <= 4; i++) {
            files.add("a" + i, i == 1 ? null : "a" + (i - 1)).message("step " + i)
                    .upgrade("CREATE TABLE t" + i + " (id int);").downgrade("DROP TABLE t" + i + ";").write();
        }
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
        out.clear();
    }

    private Retort retort(Path location) {
        return new Retort(RetortConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .locations("filesystem:" + location).output(out::add).build());
    }

    private List<String> rows() throws SQLException {
        return db.column("SELECT version_num FROM alembic_version ORDER BY version_num");
    }

    @Test
    void upgradeHeadsOnFreshDatabaseRunsEveryRevisionAndCurrentShowsTheHeads() throws SQLException {
        MigrationResult result = retort(scripts).upgrade("heads");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("29f859a13ea",
                "1975ea83b712", "ae1027a6acf0", "9a8c79bb4e1e", "27c6a30d7c24", "3cac04ae8714", "53fffde5ad5d",
                "55af2cb1c267", "7b3f1c2d9e10");
        assertThat(rows()).containsExactly("7b3f1c2d9e10");
        assertThat(db.tables()).containsExactly("account", "alembic_version", "alembic_version_log", "audit", "b",
                "needs_audit", "x");
        retort(scripts).current(false, false);
        assertThat(out).containsExactly("7b3f1c2d9e10 (head)", "9a8c79bb4e1e (effective head)");
    }

    @Test
    void currentOnFreshDatabasePrintsNothingAndCreatesNothing() throws SQLException {
        assertThat(retort(scripts).current(false, false)).isEmpty();

        assertThat(out).isEmpty();
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void currentVerbosePrintsTheUrlWithoutPasswordAndTheBlocks() {
        retort(linear).upgrade("a2");
        retort(linear).current(true, false);

        assertThat(out.get(0)).isEqualTo("Current revision(s) for " + db.url() + ":");
        assertThat(out.get(1)).startsWith("Rev: a2\nParent: a1\nPath: " + linear.resolve("a2_step_2.sql"));
    }

    @Test
    void stepwiseUpgradeAndDowngradeMoveOneRevisionAtATime() throws SQLException {
        retort(linear).upgrade("+1");
        assertThat(rows()).containsExactly("a1");
        retort(linear).upgrade("+2");
        assertThat(rows()).containsExactly("a3");
        assertThat(db.tables()).contains("t1", "t2", "t3").doesNotContain("t4");
        retort(linear).downgrade("-1", false);
        assertThat(rows()).containsExactly("a2");
        assertThat(db.tables()).doesNotContain("t3");
        retort(linear).upgrade("heads");
        retort(linear).downgrade("-2", false);
        assertThat(rows()).containsExactly("a2");
        retort(linear).downgrade("base", false);
        assertThat(rows()).isEmpty();
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log");
    }

    @Test
    void relativeStepPastTheEndFailsWithAlembicsMessageAndChangesNothing() throws SQLException {
        retort(linear).upgrade("a3");

        assertThatThrownBy(() -> retort(linear).upgrade("+2"))
                .hasMessage("Relative revision +2 didn't produce 2 migrations");
        assertThatThrownBy(() -> retort(linear).downgrade("-4", false))
                .hasMessage("Relative revision -4 didn't produce 4 migrations");
        assertThat(rows()).containsExactly("a3");
    }

    @Test
    void branchesMergeAndUnmergeMoveTheVersionRowsAsAlembicDoes() throws SQLException {
        retort(scripts).upgrade("27c6");
        assertThat(rows()).containsExactly("27c6a30d7c24");

        retort(scripts).upgrade("3cac");
        assertThat(rows()).containsExactly("27c6a30d7c24", "3cac04ae8714");

        retort(scripts).upgrade("53ff");
        assertThat(rows()).containsExactly("53fffde5ad5d");

        retort(scripts).downgrade("3cac04ae8714", false);
        assertThat(rows()).containsExactly("27c6a30d7c24", "3cac04ae8714");

        retort(scripts).downgrade("27c6a30d7c24@-1", false);
        assertThat(rows()).containsExactly("3cac04ae8714");
        assertThat(db.tables()).contains("x").doesNotContain("b");
    }

    @Test
    void partialUpgradePullsInTheDependencyButNotItsDescendants() throws SQLException {
        retort(scripts).upgrade("55af");

        assertThat(rows()).containsExactly("55af2cb1c267");
        assertThat(db.tables()).contains("audit", "needs_audit");
        assertThat(db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'audit'"))
                .containsExactly("id");
        retort(scripts).current(false, false);
        // Alembic prints these from a set; Retort uses load order.
        assertThat(out).containsExactly("29f859a13ea", "55af2cb1c267");
    }

    @Test
    void downgradingALabelledBaseDragsAlongWhatDependsOnIt() throws SQLException {
        retort(scripts).upgrade("heads");

        retort(scripts).downgrade("audit@base", false);

        assertThat(db.tables()).doesNotContain("audit", "needs_audit").contains("account", "b", "x");
        assertThat(rows()).containsExactly("53fffde5ad5d");
    }

    @Test
    void upgradeHeadWithSeveralHeadsFailsWithAlembicsMessage() throws SQLException {
        assertThatThrownBy(() -> retort(scripts).upgrade("head"))
                .isInstanceOf(CommandException.class)
                .hasMessage("Multiple head revisions are present for given argument 'head'; please specify a specific"
                        + " target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all"
                        + " heads")
                .extracting(e -> ((CommandException) e).code()).isEqualTo(ErrorCode.MULTIPLE_HEADS);
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void relativeUpgradeFromSeveralCurrentHeadsIsAmbiguous() {
        retort(scripts).upgrade("27c6");
        retort(scripts).upgrade("3cac");

        assertThatThrownBy(() -> retort(scripts).upgrade("+1"))
                .hasMessage("Ambiguous upgrade from multiple current revisions");
    }

    @Test
    void versionRowWithoutAScriptIsReportedWithTheWayOut() throws SQLException {
        retort(linear).upgrade("a1");
        db.execute("UPDATE alembic_version SET version_num = 'deadbeef0000'");

        assertThatThrownBy(() -> retort(linear).upgrade("heads"))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("Can't locate revision identified by 'deadbeef0000'\n")
                .hasMessageContaining("stamp --purge <revision>")
                .extracting(e -> ((CommandException) e).code()).isEqualTo(ErrorCode.UNKNOWN_VERSION_ROW);
        assertThatThrownBy(() -> retort(linear).current(false, false))
                .hasMessageStartingWith("Can't locate revision identified by 'deadbeef0000'");
        assertThat(rows()).containsExactly("deadbeef0000");
    }

    @Test
    void upgradeToAnUnknownRevisionFailsWithAlembicsMessage() {
        assertThatThrownBy(() -> retort(linear).upgrade("ffff"))
                .hasMessage("Can't locate revision identified by 'ffff'");
    }

    @Test
    void downgradeToARevisionNotBelowTheCurrentOnesFails() {
        retort(scripts).upgrade("27c6");

        assertThatThrownBy(() -> retort(scripts).downgrade("3cac", false))
                .hasMessage("Destination 3cac is not a valid downgrade target from current head(s)");
    }

    @Test
    void rangeIsOnlyAllowedWithSql() {
        assertThatThrownBy(() -> retort(linear).upgrade("a1:a2")).hasMessage("Range revision not allowed");
        assertThatThrownBy(() -> retort(linear).downgrade("a2", true))
                .hasMessage("downgrade with --sql requires <fromrev>:<torev>");
    }

    @Test
    void checkHeadsPassesAtHeadsEvenWithAnEffectiveHeadAndFailsBelow() {
        retort(scripts).upgrade("heads");
        retort(scripts).current(false, true);
        retort(scripts).downgrade("-1", false);

        assertThatThrownBy(() -> retort(scripts).current(false, true))
                .hasMessage("Database is not on all head revisions")
                .extracting(e -> ((CommandException) e).code()).isEqualTo(ErrorCode.NOT_AT_HEAD);
    }

    @Test
    void historyIndicatesTheCurrentRevisionAndVerboseShowsTheAuditRecord() {
        retort(linear).upgrade("a2");
        retort(linear).history(null, false, true);

        assertThat(out).containsExactly("a3 -> a4 (head), step 4", "a2 -> a3, step 3", "a1 -> a2 (current), step 2",
                "<base> -> a1, step 1");
        out.clear();
        retort(linear).history("a2:a2", true, true);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).startsWith("Rev: a2 (current)\nParent: a1\nPath: ")
                .containsPattern("\nApplied: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ by " + db.user()
                        + " \\(upgrade, \\d+ ms\\)\n\n    step 2\n");
    }

    @Test
    void verboseHistoryDropsAuditRecordsOfRevisionsAStampTookOff() {
        retort(linear).upgrade("heads");
        retort(linear).stamp(List.of("a2"), false, false);
        out.clear();

        retort(linear).history(null, true, true);

        assertThat(out).hasSize(4);
        assertThat(out.get(0)).startsWith("Rev: a4 (head)\n").doesNotContain("Applied:");
        assertThat(out.get(1)).startsWith("Rev: a3\n").doesNotContain("Applied:");
        assertThat(out.get(2)).startsWith("Rev: a2 (current)\n").contains("\nApplied: ");
        assertThat(out.get(3)).startsWith("Rev: a1\n").contains("\nApplied: ");
    }

    @Test
    void historyRangeToCurrentListsWhatIsApplied() {
        retort(linear).upgrade("a3");
        retort(linear).history(":current", false, false);

        assertThat(out).containsExactly("a2 -> a3, step 3", "a1 -> a2, step 2", "<base> -> a1, step 1");
    }

    @Test
    void showCurrentPrintsTheBlockOfEachVersionRow() {
        retort(linear).upgrade("a3");
        retort(linear).show("current");

        assertThat(out).hasSize(1);
        assertThat(out.get(0)).startsWith("Rev: a3\nParent: a2\n");
    }

    @Test
    void ciTrioFreshToHeadThenStampedExistingSchemaThenRoundTrip() throws SQLException {
        // fresh database -> head
        retort(linear).upgrade("heads");
        assertThat(rows()).containsExactly("a4");

        // a schema made another way (create_all) -> stamp head -> upgrade head is a no-op
        db.reset();
        db.execute("CREATE TABLE t1 (id int)", "CREATE TABLE t2 (id int)", "CREATE TABLE t3 (id int)",
                "CREATE TABLE t4 (id int)");
        retort(linear).stamp(List.of("head"), false, false);
        MigrationResult noop = retort(linear).upgrade("head");
        assertThat(noop.steps()).isEmpty();
        assertThat(rows()).containsExactly("a4");

        // upgrade -> downgrade base -> upgrade
        db.reset();
        retort(linear).upgrade("heads");
        retort(linear).downgrade("base", false);
        assertThat(db.tables()).containsExactly("alembic_version", "alembic_version_log");
        retort(linear).upgrade("heads");
        assertThat(db.tables()).contains("t1", "t2", "t3", "t4");
        assertThat(rows()).containsExactly("a4");
    }

    @Test
    void upToDateUpgradeChangesNothingAndSaysSo() throws SQLException {
        retort(linear).upgrade("heads");
        List<String> log = db.column("SELECT count(*) FROM alembic_version_log");

        MigrationResult result = retort(linear).upgrade("heads");

        assertThat(result.steps()).isEmpty();
        assertThat(result.headsAfter()).containsExactly("a4");
        assertThat(db.column("SELECT count(*) FROM alembic_version_log")).isEqualTo(log);
    }
}
