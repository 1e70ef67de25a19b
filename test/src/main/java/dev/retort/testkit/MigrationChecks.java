package dev.retort.testkit;

import static dev.retort.testkit.MigrationTestFailure.context;

import dev.retort.MigrationStatus;
import dev.retort.RetortConfig;
import dev.retort.graph.Revision;
import dev.retort.runtime.MigrationFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The built-in tests' logic, each against one {@link MigrationRunner}; {@link MigrationTests} only calls in. */
final class MigrationChecks {

    static final String UPGRADE_FAILED = "Failed to upgrade to the head revision. This means the historical chain"
            + " from an empty database, to the current revision is not possible.";
    static final String STAIRWAY_UP_FAILED = "Failed to upgrade through each revision individually.";
    static final String STAIRWAY_DOWN_FAILED = "Failed to downgrade through each revision individually.";
    static final String STAIRWAY_REUP_FAILED = "Failed to upgrade through each revision individually after"
            + " performing a roundtrip upgrade -> downgrade -> upgrade cycle.";

    private final MigrationRunner runner;

    MigrationChecks(MigrationRunner runner) {
        this.runner = runner;
    }

    void singleHeadRevision() {
        List<String> heads = runner.heads();
        if (heads.size() == 1) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String head : heads) {
            lines.add(runner.describe(head));
        }
        throw new MigrationTestFailure("Expected 1 head revision, found " + heads.size(), List.of(
                context("Heads", String.join("\n", lines)),
                context("Join them with a merge revision", "retort merge heads -m \"merge heads\"\n(in a Spring Boot"
                        + " application: java -jar <your-app>.jar migrations merge heads -m \"merge heads\")")));
    }

    void upgrade() {
        startFromBase();
        try {
            runner.migrateUpTo("heads");
        } catch (RuntimeException e) {
            throw new MigrationTestFailure(UPGRADE_FAILED, List.of(context("Retort Error", message(e))), e);
        }
    }

    /**
     * The stairway: the revisions upgraded from base to the heads, each as its own step (transaction), in the order
     * {@code upgrade heads} runs them; then downgraded to base (or to {@code minimumDowngradeRevision}, which stays
     * applied with its ancestors) one step each; then upgraded again one step each. Branches stay branches: undoing
     * a revision leaves its siblings applied.
     */
    void upDownConsistency(String minimumDowngradeRevision) {
        // from wherever an earlier test left the database (e.g. upgrade, at the heads), checked like the stairway
        stairs(false, "base", STAIRWAY_DOWN_FAILED, "downgrade");
        stairs(true, "heads", STAIRWAY_UP_FAILED, "upgrade");
        String floor = minimumDowngradeRevision == null ? "base"
                : runner.graph().resolveOne(minimumDowngradeRevision).id();
        stairs(false, floor, STAIRWAY_DOWN_FAILED, "downgrade");
        stairs(true, "heads", STAIRWAY_REUP_FAILED, "upgrade again");
    }

    private void stairs(boolean up, String target, String summary, String step) {
        List<String> rows = runner.current();
        List<Revision> plan = up ? runner.graph().upgradePlan(rows, target)
                : runner.graph().downgradePlan(rows, target);
        if (plan.isEmpty()) {
            return;
        }
        try {
            runner.stepwise(up, target);
        } catch (RuntimeException e) {
            String failing = failingRevision(e);
            int number = 0;
            for (int i = 0; i < plan.size(); i++) {
                if (plan.get(i).id().equals(failing)) {
                    number = i + 1;
                }
            }
            throw stairwayFailure(summary, step, number, plan.size(), failing, e);
        }
    }

    private static String failingRevision(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MigrationFailedException failed) {
                return failed.revision();
            }
        }
        return null;
    }

    /** From wherever an earlier test left the database, down to base one revision at a time. */
    private void descendToBase(List<Revision> order) {
        stairs(false, "base", STAIRWAY_DOWN_FAILED, "downgrade");
    }

    private MigrationTestFailure stairwayFailure(String summary, String step, int number, int of, Revision revision,
            RuntimeException e) {
        return stairwayFailure(summary, step, number, of, revision.id(), e);
    }

    private MigrationTestFailure stairwayFailure(String summary, String step, int number, int of, String revision,
            RuntimeException e) {
        return new MigrationTestFailure(summary, List.of(
                context("Failing Revision", revision == null ? "(not known)" : runner.describe(revision)),
                context("Step", step + " " + number + " of " + of + ", from " + runner.describeRows()),
                context("Retort Error", message(e))), e);
    }

    /**
     * For each revision from base up: the schema before its upgrade equals the schema after its upgrade and
     * downgrade (pytest-alembic's experimental {@code test_downgrade_leaves_no_trace}). Revisions in
     * {@code skipRevisions}, {@code minimumDowngradeRevision} and its ancestors are upgraded without the check.
     */
    void downgradeLeavesNoTrace(String minimumDowngradeRevision, Set<String> skipRevisions) {
        List<Revision> order = runner.upgradeOrder();
        descendToBase(order);
        Set<String> kept = kept(minimumDowngradeRevision);
        for (int i = 0; i < order.size(); i++) {
            Revision revision = order.get(i);
            if (!kept.contains(revision.id()) && !skipRevisions.contains(revision.id())) {
                SchemaSnapshot before = snapshot();
                step(STAIRWAY_UP_FAILED, "upgrade", i + 1, order.size(), revision, true);
                step(STAIRWAY_DOWN_FAILED, "downgrade after upgrade", i + 1, order.size(), revision, false);
                SchemaSnapshot after = snapshot();
                List<String> leftBehind = after.minus(before);
                List<String> missing = before.minus(after);
                if (!leftBehind.isEmpty() || !missing.isEmpty()) {
                    List<MigrationTestFailure.Context> context = new ArrayList<>();
                    context.add(context("Revision", runner.describe(revision.id())));
                    if (!leftBehind.isEmpty()) {
                        context.add(context("Left behind by the downgrade", String.join("\n", leftBehind)));
                    }
                    if (!missing.isEmpty()) {
                        context.add(context("Gone after the downgrade, there before the upgrade",
                                String.join("\n", missing)));
                    }
                    throw new MigrationTestFailure("There is a difference between the pre-'" + revision.id()
                            + "'-upgrade schema, and the post-'" + revision.id() + "'-downgrade schema. This implies"
                            + " that the upgrade performs some set of DDL changes which the downgrade does not"
                            + " precisely undo.", context);
                }
            }
            step(STAIRWAY_UP_FAILED, "upgrade", i + 1, order.size(), revision, true);
        }
    }

    private void step(String summary, String name, int number, int of, Revision revision, boolean up) {
        try {
            if (up) {
                runner.upgradeOne(revision);
            } else {
                runner.downgradeOne(revision);
            }
        } catch (RuntimeException e) {
            throw stairwayFailure(summary, name, number, of, revision, e);
        }
    }

    private Set<String> kept(String minimumDowngradeRevision) {
        return minimumDowngradeRevision == null ? Set.of()
                : runner.graph().ancestorIds(List.of(runner.graph().resolveOne(minimumDowngradeRevision).id()), true);
    }

    private SchemaSnapshot snapshot() {
        RetortConfig config = runner.retort().config();
        String table = config.versionTable().toLowerCase(java.util.Locale.ROOT);
        try (Connection connection = runner.dataSource().getConnection()) {
            return SchemaSnapshot.read(connection, config.schema(), Set.of(table, table + "_log", table + "_lock"));
        } catch (SQLException e) {
            throw new IllegalStateException("Can't read the schema of the test database: " + e.getMessage(), e);
        }
    }

    /** No revision the database ran was edited since: the audit log's checksums match the scripts'. */
    void checksumsMatch() {
        MigrationStatus status = runner.retort().status();
        List<String> edited = new ArrayList<>();
        for (MigrationStatus.RevisionInfo info : status.history()) {
            // the engine's rule (whitespace and line endings aside, older checksums accepted), as upgrade applies it
            if (Boolean.FALSE.equals(info.checksumMatches())) {
                String now = runner.script(info.revision()).body().checksum();
                edited.add(runner.describe(info.revision()) + "\n    ran with SQL checksum " + info.checksum()
                        + (info.appliedAt() == null ? "" : " at " + info.appliedAt()) + "; the script's is now " + now);
            }
        }
        if (!edited.isEmpty()) {
            throw new MigrationTestFailure(edited.size() + (edited.size() == 1 ? " revision was" : " revisions were")
                    + " edited after the database ran it. A database that already ran the old SQL will never run"
                    + " the new one.", List.of(context("Edited", String.join("\n", edited)),
                    context("What to do", "Put the applied SQL back and write the change as a new revision"
                            + " ('retort revision -m \"...\"').")));
        }
    }

    private void startFromBase() {
        try {
            runner.startFromBase();
        } catch (RuntimeException e) {
            throw new MigrationTestFailure("Could not bring the test database to base before the test (it was at "
                    + runner.describeRows() + "): 'downgrade base' failed. The test starts from an empty database;"
                    + " upDownConsistency names the revision whose downgrade fails.",
                    List.of(context("Retort Error", message(e))), e);
        }
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
