package dev.retort.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A stamp move: changes the version rows without running any revision. */
public record StampStep(List<String> from, List<String> to, boolean isUpgrade, boolean branchMove)
        implements MigrationStep {

    public StampStep {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    @Override
    public String name() {
        return "stamp_revision";
    }

    @Override
    public List<String> fromRevisionsNoDeps() {
        return from;
    }

    @Override
    public List<String> toRevisionsNoDeps() {
        return to;
    }

    @Override
    public String doc() {
        return null;
    }

    @Override
    public boolean shouldDeleteBranch(Set<String> heads) {
        return !isUpgrade && branchMove;
    }

    @Override
    public boolean shouldCreateBranch(Set<String> heads) {
        if (!isUpgrade) {
            return false;
        }
        Set<String> fromMissing = new HashSet<>(from);
        fromMissing.removeAll(heads);
        Set<String> toMissing = new HashSet<>(to);
        toMissing.removeAll(heads);
        return (branchMove || !fromMissing.isEmpty()) && !toMissing.isEmpty();
    }

    @Override
    public boolean shouldMergeBranches(Set<String> heads) {
        return from.size() > 1;
    }

    @Override
    public boolean shouldUnmergeBranches(Set<String> heads) {
        return to.size() > 1;
    }

    @Override
    public String deleteVersionNum() {
        return from.get(0);
    }

    @Override
    public String insertVersionNum() {
        return to.get(0);
    }

    @Override
    public MergeIdents mergeBranchIdents(Set<String> heads) {
        return new MergeIdents(from.subList(0, from.size() - 1), from.get(from.size() - 1), to.get(0));
    }

    @Override
    public UnmergeIdents unmergeBranchIdents(Set<String> heads) {
        return new UnmergeIdents(from.get(0), to.get(to.size() - 1), to.subList(0, to.size() - 1));
    }

    @Override
    public List<String> updateVersionNum(Set<String> heads) {
        return List.of(from.get(0), to.get(0));
    }
}
