package dev.retort.runtime;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the version rows in step with a run, one row per head: INSERT for a new branch, UPDATE for a step, DELETE +
 * UPDATE through a merge, INSERT + UPDATE on an unmerge, DELETE at base (Alembic's {@code HeadMaintainer}).
 */
final class HeadMaintainer {

    private final Set<String> heads;
    private VersionStore store;

    HeadMaintainer(VersionStore store, List<String> heads) {
        this.store = store;
        this.heads = new LinkedHashSet<>(heads);
    }

    /** Sends the following row changes to another store, e.g. into a batch instead of straight to the database. */
    void writeTo(VersionStore store) {
        this.store = store;
    }

    /** The heads after the steps so far. */
    List<String> heads() {
        return List.copyOf(heads);
    }

    void updateToStep(MigrationStep step) throws SQLException {
        if (step instanceof RevisionStep rs && rs.belowHeads()) {
            return;
        }
        if (step.shouldDeleteBranch(heads)) {
            delete(step.deleteVersionNum());
        } else if (step.shouldCreateBranch(heads)) {
            insert(step.insertVersionNum());
        } else if (step.shouldMergeBranches(heads)) {
            MigrationStep.MergeIdents merge = step.mergeBranchIdents(heads);
            for (String rev : merge.delete()) {
                delete(rev);
            }
            update(merge.updateFrom(), merge.updateTo());
        } else if (step.shouldUnmergeBranches(heads)) {
            MigrationStep.UnmergeIdents unmerge = step.unmergeBranchIdents(heads);
            for (String rev : unmerge.insert()) {
                insert(rev);
            }
            update(unmerge.updateFrom(), unmerge.updateTo());
        } else {
            List<String> fromTo = step.updateVersionNum(heads);
            update(fromTo.get(0), fromTo.get(1));
        }
    }

    private void insert(String version) throws SQLException {
        heads.add(version);
        store.insert(version);
    }

    private void delete(String version) throws SQLException {
        heads.remove(version);
        store.delete(version);
    }

    private void update(String from, String to) throws SQLException {
        heads.remove(from);
        heads.add(to);
        store.update(from, to);
    }
}
