package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes which revisions a move between two points touches and in which order, following Alembic's
 * {@code _collect_upgrade_revisions}, {@code _collect_downgrade_revisions}, {@code _topological_sort} and
 * {@code ScriptDirectory._stamp_revs}.
 */
final class Planner {

    private final RevisionGraph graph;
    private final Resolver resolver;

    Planner(RevisionGraph graph, Resolver resolver) {
        this.graph = graph;
        this.resolver = resolver;
    }

    private record Collected(BitSet revisions, List<Node> heads) {
    }

    /** Alembic's {@code iterate_revisions}: the revisions between upper and lower, upper first. */
    List<Node> iterate(List<String> upper, List<String> lower, boolean implicitBase, boolean inclusive,
            boolean assertRelativeLength, boolean selectForDowngrade) {
        Collected collected = selectForDowngrade
                ? collectDowngrade(upper, single(lower), inclusive, implicitBase, assertRelativeLength)
                : collectUpgrade(upper, lower, inclusive, implicitBase, assertRelativeLength);
        return topologicalSort(collected.revisions(), collected.heads());
    }

    private static String single(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private Collected collectUpgrade(List<String> upper, List<String> lower, boolean inclusive,
            boolean implicitBase, boolean assertRelativeLength) {
        List<Node> targets = new ArrayList<>();
        for (Node target : resolver.parseUpgradeTarget(lower, upper, assertRelativeLength)) {
            if (target == null) {
                throw new RevisionGraphException("Walked too far");
            }
            if (target != Node.BASE) {
                targets.add(target);
            }
        }
        if (lower.size() == 1 && lower.get(0) != null && lower.get(0).contains("@")) {
            String branch = lower.get(0).substring(0, lower.get(0).indexOf('@'));
            Node branchRev = resolver.getRevision(branch);
            if (branchRev != null && branchRev.id.equals(branch) && branchRev.labels.size() == 1) {
                branch = branchRev.labels.iterator().next();
            }
            String label = branch;
            targets.removeIf(need -> !need.labels.contains(label));
        }
        BitSet required = ancestorsChecked(targets);
        List<Node> current = resolver.getRevisions(lower);
        if (!implicitBase) {
            for (Node rev : current) {
                if (rev != null && rev != Node.BASE && !required.get(rev.index)) {
                    throw new RangeNotAncestorException(String.join(", ", lower), String.join(", ", upper));
                }
            }
        }
        if (!current.isEmpty() && current.get(0) == null) {
            Node rev = resolver.parseDowngradeTarget(upper, single(lower), assertRelativeLength).revision();
            if (rev == Node.BASE || rev == null) {
                current = List.of();
                lower = List.of();
            } else {
                current = List.of(rev);
                lower = List.of(rev.id);
            }
        }
        List<Node> currentNodes = real(current);
        BitSet needs = (BitSet) required.clone();
        needs.andNot(ancestorsChecked(currentNodes));
        if (inclusive) {
            for (Node rev : real(resolver.getRevisions(lower))) {
                needs.set(rev.index);
            }
        }
        if (!currentNodes.isEmpty() && !implicitBase) {
            graph.iterate(currentNodes, n -> n.next, true);
            needs.and(graph.descendants(currentNodes, false));
        }
        return new Collected(needs, targets);
    }

    private BitSet ancestorsChecked(List<Node> targets) {
        BitSet out = new BitSet(graph.nodeCount());
        for (Node node : graph.iterate(targets, n -> n.normDown, true)) {
            out.set(node.index);
        }
        return out;
    }

    private Collected collectDowngrade(List<String> upper, String lower, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength) {
        Resolver.DowngradeTarget parsed = resolver.parseDowngradeTarget(upper, lower, assertRelativeLength);
        String branchLabel = parsed.branchLabel();
        Node target = parsed.revision() == Node.BASE ? null : parsed.revision();
        List<Node> roots = new ArrayList<>();
        if (target == null) {
            roots.addAll(graph.baseNodes());
        } else if (inclusive) {
            roots.add(target);
        } else {
            for (int child : target.next) {
                roots.add(graph.node(child));
            }
        }
        if (Resolver.truthy(branchLabel) && roots.size() > 1) {
            BitSet ancestors = graph.ancestors(List.of(resolver.resolveBranch(branchLabel)), false);
            roots.removeIf(root -> !ancestors.get(root.index));
            if (roots.isEmpty()) {
                throw new RevisionGraphException("Not a valid downgrade target from current heads");
            }
        }
        List<Node> heads = real(resolver.getRevisions(upper));
        BitSet downgrade = graph.descendants(roots, true);
        BitSet active = graph.ancestors(heads, true);
        downgrade.and(active);
        if (implicitBase) {
            BitSet others = (BitSet) active.clone();
            others.andNot(graph.ancestors(roots, true));
            downgrade.or(others);
        }
        if (target != null && downgrade.isEmpty() && !heads.contains(target)) {
            throw new RangeNotAncestorException("Nothing to drop", String.join(", ", upper));
        }
        return new Collected(downgrade, heads);
    }

    /**
     * Alembic's {@code _topological_sort}: walks down from the heads, switching to another head whenever the
     * candidate is still an ancestor of it, so each revision comes after everything that needs it. Ties go by
     * load order.
     */
    List<Node> topologicalSort(BitSet revisions, Collection<Node> heads) {
        if (isConvex(revisions)) {
            List<Node> sorted = countingSort(revisions, heads);
            if (sorted != null) {
                return sorted;
            }
        }
        return alembicSort(revisions, heads);
    }

    /**
     * Whether every revision between two revisions of the set is in the set too. Upgrade and downgrade plans always
     * are; then "the candidate is an ancestor of another pending head" means "the candidate has a child in the set
     * that is not emitted yet", which a counter answers.
     */
    private boolean isConvex(BitSet revisions) {
        List<Node> members = graph.nodesOf(revisions);
        BitSet below = graph.ancestors(members, true);
        BitSet above = reachUp(members, null);
        below.and(above);
        below.andNot(revisions);
        return below.isEmpty();
    }

    /** The nodes and those above them through down revisions and normalized dependencies, within {@code limit}. */
    private BitSet reachUp(List<Node> from, BitSet limit) {
        BitSet seen = new BitSet(graph.nodeCount());
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        for (Node node : from) {
            seen.set(node.index);
            todo.push(node);
        }
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            for (int child : node.allNext) {
                Node c = graph.node(child);
                if (!seen.get(child) && (limit == null || limit.get(child)) && Node.contains(c.normDown, node.index)) {
                    seen.set(child);
                    todo.push(c);
                }
            }
        }
        return seen;
    }

    /**
     * The same order as {@link #alembicSort} for a convex set, in time linear in the set plus the searches at
     * branchpoints; {@code null} when a search finds no head to switch to (then Alembic's own sort decides).
     */
    List<Node> countingSort(BitSet revisions, Collection<Node> heads) {
        BitSet todo = (BitSet) revisions.clone();
        int[] pendingChildren = new int[graph.nodeCount()];
        for (int i = todo.nextSetBit(0); i >= 0; i = todo.nextSetBit(i + 1)) {
            for (int parent : graph.node(i).normDown) {
                if (todo.get(parent)) {
                    pendingChildren[parent]++;
                }
            }
        }
        List<Node> current = initialHeads(todo, heads);
        List<Node> output = new ArrayList<>(todo.cardinality());
        int candidateIndex = 0;
        while (!current.isEmpty()) {
            Node candidate = current.get(candidateIndex);
            if (pendingChildren[candidate.index] > 0) {
                int blocking = firstHeadAbove(candidate, todo, current);
                if (blocking < 0) {
                    return null;
                }
                candidateIndex = blocking;
                continue;
            }
            output.add(candidate);
            todo.clear(candidate.index);
            List<Node> toAdd = new ArrayList<>();
            for (int parent : candidate.normDown) {
                if (todo.get(parent)) {
                    pendingChildren[parent]--;
                    if (!current.contains(graph.node(parent))) {
                        toAdd.add(graph.node(parent));
                    }
                }
            }
            if (toAdd.isEmpty()) {
                current.remove(candidateIndex);
                candidateIndex = Math.max(candidateIndex - 1, 0);
            } else {
                current.set(candidateIndex, toAdd.get(0));
                current.addAll(toAdd.subList(1, toAdd.size()));
            }
        }
        return todo.isEmpty() ? output : null;
    }

    /** The first head in {@code current}, by position, that the candidate is an ancestor of; -1 if none. */
    private int firstHeadAbove(Node candidate, BitSet todo, List<Node> current) {
        BitSet above = reachUp(List.of(candidate), todo);
        int first = -1;
        for (int i = 0; i < current.size(); i++) {
            Node head = current.get(i);
            if (head != candidate && above.get(head.index)) {
                first = i;
                break;
            }
        }
        return first;
    }

    private static List<Node> initialHeads(BitSet todo, Collection<Node> heads) {
        List<Node> current = new ArrayList<>();
        for (Node head : new LinkedHashSet<>(heads)) {
            if (head != null && head != Node.BASE && todo.get(head.index)) {
                current.add(head);
            }
        }
        current.sort((a, b) -> Integer.compare(a.index, b.index));
        return current;
    }

    /** Alembic's algorithm as written, with an ancestor set per head; for sets that aren't convex. */
    List<Node> alembicSort(BitSet revisions, Collection<Node> heads) {
        BitSet todo = (BitSet) revisions.clone();
        List<Node> current = initialHeads(todo, heads);
        List<BitSet> ancestorsByIndex = new ArrayList<>();
        for (Node head : current) {
            ancestorsByIndex.add(graph.ancestors(List.of(head), true));
        }
        List<Node> output = new ArrayList<>(todo.cardinality());
        int candidateIndex = 0;
        while (!current.isEmpty()) {
            Node candidate = current.get(candidateIndex);
            int blocking = -1;
            for (int i = 0; i < ancestorsByIndex.size(); i++) {
                if (i != candidateIndex && ancestorsByIndex.get(i).get(candidate.index)) {
                    blocking = i;
                    break;
                }
            }
            if (blocking >= 0) {
                candidateIndex = blocking;
                continue;
            }
            if (todo.get(candidate.index)) {
                output.add(candidate);
                todo.clear(candidate.index);
            }
            List<Node> toAdd = new ArrayList<>();
            for (int parent : candidate.normDown) {
                Node p = graph.node(parent);
                if (todo.get(parent) && !current.contains(p)) {
                    toAdd.add(p);
                }
            }
            if (toAdd.isEmpty()) {
                current.remove(candidateIndex);
                ancestorsByIndex.remove(candidateIndex);
                candidateIndex = Math.max(candidateIndex - 1, 0);
            } else if (candidate.normDeps.length == 0 && candidate.down.length == 1) {
                current.set(candidateIndex, toAdd.get(0));
                ancestorsByIndex.get(candidateIndex).clear(candidate.index);
            } else {
                current.set(candidateIndex, toAdd.get(0));
                ancestorsByIndex.set(candidateIndex, graph.ancestors(List.of(toAdd.get(0)), true));
                for (Node extra : toAdd.subList(1, toAdd.size())) {
                    current.add(extra);
                    ancestorsByIndex.add(graph.ancestors(List.of(extra), true));
                }
            }
        }
        if (!todo.isEmpty()) {
            throw new RevisionGraphException("Revisions " + Resolver.ids(graph.nodesOf(todo))
                    + " are not reachable from the requested revisions along one branch");
        }
        return output;
    }

    List<Node> allCurrent(List<String> rows) {
        return resolver.allCurrent(rows);
    }

    /** Alembic's {@code _stamp_revs}. */
    List<StampMove> stamp(List<String> destinations, List<String> currentHeads) {
        List<Node> heads = real(resolver.getRevisions(currentHeads));
        List<String> revisions = destinations.isEmpty() ? List.of("base") : destinations;
        Set<Node> filtered = new LinkedHashSet<>();
        for (String rev : revisions) {
            if (Resolver.truthy(rev)) {
                filtered.addAll(resolver.filterForLineage(heads, rev, true));
            }
        }
        List<Node> dests = resolver.getRevisions(revisions);
        if (dests.isEmpty()) {
            dests = new ArrayList<>();
            dests.add(null);
        }
        List<StampMove> moves = new ArrayList<>();
        List<String> filteredIds = Resolver.ids(filtered);
        for (Node dest : dests) {
            if (dest == null || dest == Node.BASE) {
                for (Node head : filtered) {
                    moves.add(new StampMove(List.of(head.id), List.of(), false, true));
                }
            } else if (filtered.contains(dest)) {
                continue;
            } else if (intersects(graph.descendants(List.of(dest), true), filtered)) {
                moves.add(new StampMove(filteredIds, List.of(dest.id), false, false));
            } else if (intersects(graph.ancestors(List.of(dest), true), filtered)) {
                moves.add(new StampMove(filteredIds, List.of(dest.id), true, false));
            } else {
                moves.add(new StampMove(List.of(), List.of(dest.id), true, true));
            }
        }
        return moves;
    }

    private static boolean intersects(BitSet set, Collection<Node> nodes) {
        for (Node node : nodes) {
            if (set.get(node.index)) {
                return true;
            }
        }
        return false;
    }

    private static List<Node> real(List<Node> nodes) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            if (node != null && node != Node.BASE) {
                out.add(node);
            }
        }
        return out;
    }
}
