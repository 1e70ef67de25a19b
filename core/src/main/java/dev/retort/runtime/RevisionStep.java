package dev.retort.runtime;

import dev.retort.graph.RevisionGraph;
import dev.retort.script.RevisionScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A revision's upgrade or downgrade. A step {@code belowHeads} upgrades a revision the version rows already
 * imply (one that was missed, e.g. merged in below the current head): it runs and is audited but moves no row.
 * A step that resumes a revision whose earlier run failed part-way {@code skips} the statements that stayed applied.
 */
public record RevisionStep(RevisionScript script, RevisionGraph graph, boolean isUpgrade, boolean belowHeads,
        int skips) implements MigrationStep {

    public RevisionStep(RevisionScript script, RevisionGraph graph, boolean isUpgrade) {
        this(script, graph, isUpgrade, false, 0);
    }

    public RevisionStep(RevisionScript script, RevisionGraph graph, boolean isUpgrade, boolean belowHeads) {
        this(script, graph, isUpgrade, belowHeads, 0);
    }

    /** The same upgrade, run from statement {@code skips + 1} on. */
    public RevisionStep resumingAfter(int skips) {
        return new RevisionStep(script, graph, isUpgrade, belowHeads, skips);
    }

    @Override
    public String name() {
        return isUpgrade ? "upgrade" : "downgrade";
    }

    public String revision() {
        return script.id();
    }

    private List<String> normalizedDown() {
        return graph.normalizedDownRevisions(script.id());
    }

    private List<String> versionedDown() {
        return script.revision().downRevisions();
    }

    /** The rows this step moves from, dependencies included. */
    public List<String> fromRevisions() {
        return isUpgrade ? normalizedDown() : List.of(script.id());
    }

    /** The rows this step moves to, dependencies included. */
    public List<String> toRevisions() {
        return isUpgrade ? List.of(script.id()) : normalizedDown();
    }

    @Override
    public List<String> fromRevisionsNoDeps() {
        return isUpgrade ? versionedDown() : List.of(script.id());
    }

    @Override
    public List<String> toRevisionsNoDeps() {
        return isUpgrade ? List.of(script.id()) : versionedDown();
    }

    @Override
    public String doc() {
        return script.doc();
    }

    @Override
    public boolean shouldDeleteBranch(Set<String> heads) {
        if (isUpgrade || !heads.contains(script.id())) {
            return false;
        }
        return normalizedDown().isEmpty() || unmergeToRevisions(heads).isEmpty();
    }

    @Override
    public MergeIdents mergeBranchIdents(Set<String> heads) {
        Set<String> others = new HashSet<>(heads);
        others.removeAll(fromRevisions());
        List<String> from = new ArrayList<>(fromRevisions());
        if (!others.isEmpty()) {
            from.removeAll(graph.ancestorIds(others, true));
        }
        return new MergeIdents(from.subList(0, from.size() - 1), from.get(from.size() - 1), toRevisions().get(0));
    }

    private List<String> unmergeToRevisions(Set<String> heads) {
        Set<String> others = new HashSet<>(heads);
        others.remove(script.id());
        List<String> to = new ArrayList<>(toRevisions());
        if (!others.isEmpty()) {
            to.removeAll(graph.ancestorIds(others, true));
        } else {
            Set<String> implied = new HashSet<>();
            for (String target : toRevisions()) {
                Set<String> ancestors = new HashSet<>(graph.ancestorIds(List.of(target), true));
                ancestors.remove(target);
                implied.addAll(ancestors);
            }
            to.removeAll(implied);
        }
        return to;
    }

    @Override
    public UnmergeIdents unmergeBranchIdents(Set<String> heads) {
        List<String> to = unmergeToRevisions(heads);
        return new UnmergeIdents(fromRevisions().get(0), to.get(to.size() - 1), to.subList(0, to.size() - 1));
    }

    @Override
    public boolean shouldCreateBranch(Set<String> heads) {
        if (!isUpgrade) {
            return false;
        }
        List<String> down = normalizedDown();
        return down.isEmpty() || down.stream().noneMatch(heads::contains);
    }

    @Override
    public boolean shouldMergeBranches(Set<String> heads) {
        List<String> down = normalizedDown();
        return isUpgrade && down.size() > 1 && down.stream().filter(heads::contains).count() > 1;
    }

    @Override
    public boolean shouldUnmergeBranches(Set<String> heads) {
        return !isUpgrade && heads.contains(script.id()) && normalizedDown().size() > 1;
    }

    @Override
    public List<String> updateVersionNum(Set<String> heads) {
        List<String> down = normalizedDown();
        String downRevision;
        if (down.size() != 1) {
            List<String> present = down.stream().filter(heads::contains).toList();
            if (present.size() != 1) {
                throw new VersionTableException("Can't do an UPDATE because downrevision is ambiguous: revision "
                        + script.id() + " revises " + String.join(", ", down) + " and the version table holds "
                        + String.join(", ", heads));
            }
            downRevision = present.get(0);
        } else {
            downRevision = down.get(0);
        }
        return isUpgrade ? List.of(downRevision, script.id()) : List.of(script.id(), downRevision);
    }

    @Override
    public String deleteVersionNum() {
        return script.id();
    }

    @Override
    public String insertVersionNum() {
        return script.id();
    }
}
