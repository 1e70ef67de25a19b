package dev.retort.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The revision graph with Alembic's semantics: down revisions (several for a merge), dependencies, branch labels,
 * heads (real and effective), bases, branchpoints and mergepoints; target resolution; and upgrade, downgrade and
 * stamp plans in Alembic's order.
 *
 * <p>The order of the revisions given to {@link #of(List)} is the load order: it breaks ties between independent
 * branches exactly as Alembic's file order does.
 *
 * <pre>{@code
 * RevisionGraph graph = RevisionGraph.of(List.of(Revision.of("a"), Revision.of("b", "a")));
 * graph.heads();                                  // [b]
 * graph.upgradePlan(List.of(), "heads");          // [a, b]
 * }</pre>
 *
 * <p>Pure logic: it never opens a file or a connection. Instances are immutable after construction and safe to
 * share between threads.
 */
public final class RevisionGraph {

    private final Node[] nodes;
    private final Map<String, Node> byId;
    /** Revision ids in load order, then branch labels: the keys identifiers are matched against. */
    private final Map<String, Node> keys;
    private final List<Node> heads = new ArrayList<>();
    private final List<Node> realHeads = new ArrayList<>();
    private final List<Node> bases = new ArrayList<>();
    private final List<Node> realBases = new ArrayList<>();
    private final Resolver resolver;
    private final Planner planner;

    private RevisionGraph(List<Revision> revisions, Consumer<String> warnings) {
        nodes = new Node[revisions.size()];
        byId = new HashMap<>(revisions.size() * 2);
        keys = new LinkedHashMap<>(revisions.size() * 2);
        for (int i = 0; i < nodes.length; i++) {
            Node node = new Node(i, revisions.get(i));
            if (byId.putIfAbsent(node.id, node) != null) {
                throw new DuplicateRevisionException(node.id);
            }
            keys.put(node.id, node);
            nodes[i] = node;
        }
        mapBranchLabels();
        resolveEdges();
        for (Node node : nodes) {
            if (node.isHead()) {
                heads.add(node);
            }
            if (node.isRealHead()) {
                realHeads.add(node);
            }
            if (node.isBase()) {
                bases.add(node);
            }
            if (node.isRealBase()) {
                realBases.add(node);
            }
        }
        normalizeDependencies();
        detectCycles();
        propagateBranchLabels();
        resolver = new Resolver(this, warnings);
        planner = new Planner(this, resolver);
    }

    /** Builds and validates the graph of these revisions, in load order. */
    public static RevisionGraph of(List<Revision> revisions) {
        return new RevisionGraph(revisions, warning -> { });
    }

    /**
     * Builds and validates the graph; {@code warnings} receives Alembic's non-fatal warnings, such as "downgrade -1
     * from multiple heads is ambiguous".
     */
    public static RevisionGraph of(List<Revision> revisions, Consumer<String> warnings) {
        return new RevisionGraph(revisions, warnings);
    }

    // ---------------------------------------------------------------- building

    private void mapBranchLabels() {
        for (Node node : nodes) {
            for (String label : node.revision.branchLabels()) {
                Node existing = keys.get(label);
                if (existing != null) {
                    throw new DuplicateBranchLabelException(label, node.id, existing.id);
                }
                keys.put(label, node);
            }
        }
    }

    private void resolveEdges() {
        for (Node node : nodes) {
            int[] down = new int[node.revision.downRevisions().size()];
            for (int i = 0; i < down.length; i++) {
                String ref = node.revision.downRevisions().get(i);
                Node parent = byId.get(ref);
                if (parent == null) {
                    throw new MissingRevisionException(node.id, ref, false);
                }
                down[i] = parent.index;
            }
            int[] deps = new int[0];
            for (String ref : node.revision.dependsOn()) {
                Node dependency = keys.get(ref);
                if (dependency == null) {
                    throw new MissingRevisionException(node.id, ref, true);
                }
                if (!Node.contains(deps, dependency.index)) {
                    deps = Node.append(deps, dependency.index);
                }
            }
            node.down = down;
            node.deps = deps;
            node.allDown = Node.concatDistinct(down, deps);
        }
        for (Node node : nodes) {
            for (int parent : node.allDown) {
                Node p = nodes[parent];
                p.allNext = Node.append(p.allNext, node.index);
                if (Node.contains(node.down, parent)) {
                    p.next = Node.append(p.next, node.index);
                }
            }
        }
    }

    /** Drops dependencies that an ancestor already depends on (Alembic's {@code _normalize_depends_on}). */
    private void normalizeDependencies() {
        for (Node node : nodes) {
            if (node.deps.length == 0) {
                node.normDown = node.down;
                continue;
            }
            BitSet implied = new BitSet(nodes.length);
            for (Node ancestor : iterate(List.of(node), n -> n.down, false)) {
                if (ancestor != node) {
                    for (int dep : ancestor.deps) {
                        implied.set(dep);
                    }
                }
            }
            int[] normalized = new int[node.deps.length];
            int n = 0;
            for (int dep : node.deps) {
                if (!implied.get(dep)) {
                    normalized[n++] = dep;
                }
            }
            node.normDeps = java.util.Arrays.copyOf(normalized, n);
            node.normDown = Node.concatDistinct(node.down, node.normDeps);
        }
    }

    /**
     * Fails on a cycle of down revisions or dependencies. One linear pass settles an acyclic graph (acyclic through
     * dependencies means acyclic through down revisions too); a cycle found is reported as Alembic reports it when
     * Alembic's check sees it, else with the revisions on it.
     */
    private void detectCycles() {
        if (nodes.length == 0 || onCycles(n -> n.allDown, n -> n.allNext).isEmpty()) {
            return;
        }
        alembicCycleChecks();
        List<String> cyclic = onCycles(n -> n.down, n -> n.next);
        if (!cyclic.isEmpty()) {
            throw new CycleDetectedException(CycleDetectedException.Kind.CYCLE, cyclic);
        }
        throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_CYCLE,
                onCycles(n -> n.allDown, n -> n.allNext));
    }

    /** Alembic's {@code _detect_cycles}: every revision must lie between a head and a base. */
    private void alembicCycleChecks() {
        List<String> all = java.util.Arrays.stream(nodes).map(n -> n.id).collect(Collectors.toList());
        if (heads.isEmpty() || bases.isEmpty()) {
            throw new CycleDetectedException(CycleDetectedException.Kind.CYCLE, all);
        }
        List<String> outside = unreachable(heads, n -> n.down, bases, n -> n.next);
        if (!outside.isEmpty()) {
            throw new CycleDetectedException(CycleDetectedException.Kind.CYCLE, outside);
        }
        if (realHeads.isEmpty() || realBases.isEmpty()) {
            throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_CYCLE, all);
        }
        outside = unreachable(realHeads, n -> n.allDown, realBases, n -> n.allNext);
        if (!outside.isEmpty()) {
            throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_CYCLE, outside);
        }
    }

    /** The revisions left after repeatedly removing those without parents, then those without children. */
    private List<String> onCycles(Function<Node, int[]> parents, Function<Node, int[]> children) {
        BitSet left = new BitSet(nodes.length);
        left.set(0, nodes.length);
        peel(left, parents, children);
        if (left.isEmpty()) {
            return List.of();
        }
        peel(left, children, parents);
        List<String> ids = new ArrayList<>();
        for (int i = left.nextSetBit(0); i >= 0; i = left.nextSetBit(i + 1)) {
            ids.add(nodes[i].id);
        }
        Collections.sort(ids);
        return ids;
    }

    /** Kahn's algorithm: removes every node whose {@code inward} neighbours have all been removed. */
    private void peel(BitSet left, Function<Node, int[]> inward, Function<Node, int[]> outward) {
        int[] pending = new int[nodes.length];
        Deque<Node> ready = new ArrayDeque<>();
        for (int i = left.nextSetBit(0); i >= 0; i = left.nextSetBit(i + 1)) {
            for (int in : inward.apply(nodes[i])) {
                if (left.get(in)) {
                    pending[i]++;
                }
            }
            if (pending[i] == 0) {
                ready.add(nodes[i]);
            }
        }
        while (!ready.isEmpty()) {
            Node node = ready.poll();
            left.clear(node.index);
            for (int out : outward.apply(node)) {
                if (left.get(out) && --pending[out] == 0) {
                    ready.add(nodes[out]);
                }
            }
        }
    }

    private List<String> unreachable(List<Node> tops, Function<Node, int[]> downward, List<Node> bottoms,
            Function<Node, int[]> upward) {
        BitSet space = reach(tops, downward);
        space.and(reach(bottoms, upward));
        List<String> outside = new ArrayList<>();
        for (Node node : nodes) {
            if (!space.get(node.index)) {
                outside.add(node.id);
            }
        }
        Collections.sort(outside);
        return outside;
    }

    /**
     * Spreads each declared label to the revision's descendants, and from the last of them down through ancestors
     * until a branchpoint or mergepoint (Alembic's {@code _add_branches}).
     */
    private void propagateBranchLabels() {
        for (Node node : nodes) {
            List<String> labels = node.revision.branchLabels();
            if (labels.isEmpty()) {
                continue;
            }
            List<Node> descendants = iterate(List.of(node), n -> n.next, false);
            for (Node descendant : descendants) {
                descendant.labels.addAll(labels);
            }
            Node parent = descendants.get(descendants.size() - 1);
            while (parent != null && !parent.isRealBranchPoint() && !parent.isMergePoint()) {
                parent.labels.addAll(labels);
                parent = parent.down.length > 0 ? nodes[parent.down[0]] : null;
            }
        }
    }

    // ---------------------------------------------------------------- traversal primitives

    /**
     * Alembic's {@code _iterate_related_revisions}: a depth-first walk from each target along {@code fn}, yielding
     * each node once, in Alembic's order. With {@code check}, fails when a target is reached from another target.
     */
    List<Node> iterate(Collection<Node> targets, Function<Node, int[]> fn, boolean check) {
        List<Node> out = new ArrayList<>();
        BitSet seen = new BitSet(nodes.length);
        Deque<Node> todo = new ArrayDeque<>();
        for (Node target : targets) {
            BitSet perTarget = check ? new BitSet(nodes.length) : null;
            todo.push(target);
            while (!todo.isEmpty()) {
                Node node = todo.pop();
                if (check) {
                    perTarget.set(node.index);
                }
                if (seen.get(node.index)) {
                    continue;
                }
                seen.set(node.index);
                for (int related : fn.apply(node)) {
                    todo.push(nodes[related]);
                }
                out.add(node);
            }
            if (check) {
                List<String> overlaps = new ArrayList<>();
                for (Node other : targets) {
                    if (other != target && perTarget.get(other.index) && !overlaps.contains(other.id)) {
                        overlaps.add(other.id);
                    }
                }
                if (!overlaps.isEmpty()) {
                    throw new RevisionGraphException("Requested revision " + target.id
                            + " overlaps with other requested revisions " + String.join(", ", overlaps));
                }
            }
        }
        return out;
    }

    BitSet reach(Collection<Node> targets, Function<Node, int[]> fn) {
        BitSet seen = new BitSet(nodes.length);
        Deque<Node> todo = new ArrayDeque<>();
        for (Node target : targets) {
            if (!seen.get(target.index)) {
                seen.set(target.index);
                todo.push(target);
            }
        }
        while (!todo.isEmpty()) {
            for (int related : fn.apply(todo.pop())) {
                if (!seen.get(related)) {
                    seen.set(related);
                    todo.push(nodes[related]);
                }
            }
        }
        return seen;
    }

    /** The targets and all their ancestors, through dependencies too when asked. */
    BitSet ancestors(Collection<Node> targets, boolean includeDependencies) {
        return reach(targets, includeDependencies ? n -> n.normDown : n -> n.down);
    }

    /** The targets and all their descendants, through dependencies too when asked. */
    BitSet descendants(Collection<Node> targets, boolean includeDependencies) {
        return reach(targets, includeDependencies ? n -> n.allNext : n -> n.next);
    }

    List<Node> nodesOf(BitSet set) {
        List<Node> out = new ArrayList<>(set.cardinality());
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            out.add(nodes[i]);
        }
        return out;
    }

    Planner planner() {
        return planner;
    }

    Node node(int index) {
        return nodes[index];
    }

    int nodeCount() {
        return nodes.length;
    }

    Map<String, Node> keys() {
        return keys;
    }

    List<Node> headNodes() {
        return heads;
    }

    List<Node> realHeadNodes() {
        return realHeads;
    }

    List<Node> baseNodes() {
        return bases;
    }

    Node require(String id) {
        Node node = byId.get(id);
        if (node == null) {
            throw new ResolutionException("No such revision or branch '" + id + "'", id);
        }
        return node;
    }

    // ---------------------------------------------------------------- public structure

    /** All revisions, in load order. */
    public List<Revision> revisions() {
        List<Revision> out = new ArrayList<>(nodes.length);
        for (Node node : nodes) {
            out.add(node.revision);
        }
        return out;
    }

    /** The number of revisions. */
    public int size() {
        return nodes.length;
    }

    /** Whether a revision has exactly this id. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The revision with exactly this id; fails when there is none. */
    public Revision get(String id) {
        return require(id).revision;
    }

    /**
     * The heads: revisions no other revision revises, in load order. Includes effective heads (heads that only a
     * dependency points at), as Alembic's {@code get_heads()} does.
     */
    public List<String> heads() {
        return ids(heads);
    }

    /** The real heads: revisions nothing revises or depends on (Alembic's {@code heads} target). */
    public List<String> realHeads() {
        return ids(realHeads);
    }

    /** The bases: revisions without down revisions, in load order. */
    public List<String> bases() {
        return ids(bases);
    }

    /** Whether no revision revises this one (a head or an effective head). */
    public boolean isHead(String id) {
        return require(id).isHead();
    }

    /** Whether no revision revises or depends on this one. */
    public boolean isRealHead(String id) {
        return require(id).isRealHead();
    }

    /** Whether more than one revision revises this one. */
    public boolean isBranchPoint(String id) {
        return require(id).isBranchPoint();
    }

    /** Whether this revision revises more than one. */
    public boolean isMergePoint(String id) {
        return require(id).isMergePoint();
    }

    /** The revisions that revise this one, in load order. */
    public List<String> children(String id) {
        return ids(require(id).next);
    }

    /** The branch labels of this revision, declared and propagated. */
    public Set<String> branchLabels(String id) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(require(id).labels));
    }

    /**
     * The down revisions plus the dependencies no ancestor already has, as ids: what a revision moves the version
     * rows from when it runs.
     */
    public List<String> normalizedDownRevisions(String id) {
        return ids(require(id).normDown);
    }

    /** This revision's dependencies as revision ids (labels resolved). */
    public List<String> resolvedDependencies(String id) {
        return ids(require(id).deps);
    }

    /** The ids of the given revisions and all their ancestors, through dependencies too when asked. */
    public Set<String> ancestorIds(Collection<String> ids, boolean includeDependencies) {
        List<Node> targets = ids.stream().map(this::require).collect(Collectors.toList());
        return nodesOf(ancestors(targets, includeDependencies)).stream().map(n -> n.id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ---------------------------------------------------------------- resolution and plans

    /**
     * Resolves an identifier as Alembic's {@code get_revisions} does: {@code head}, {@code heads}, {@code base}, full
     * ids, unique prefixes (at least four characters), branch labels, {@code label@…}, and {@code -N} relative to
     * the heads. {@code base} resolves to an empty list.
     */
    public List<Revision> resolve(String identifier) {
        return revisionsOf(resolver.getRevisions(identifier));
    }

    /** {@link #resolve(String)} of each identifier, e.g. the version rows of a database. */
    public List<Revision> resolveAll(List<String> identifiers) {
        return revisionsOf(resolver.getRevisions(identifiers));
    }

    /**
     * Resolves an identifier that must name at most one revision ({@code null} for base), as Alembic's
     * {@code get_revision} does.
     */
    public Revision resolveOne(String identifier) {
        Node node = resolver.getRevision(identifier);
        return node == null ? null : node.revision;
    }

    /**
     * The revisions {@code upgrade destination} runs from a database at {@code currentHeads}, in the order they
     * run (parents first). The destination may be relative ({@code +2}, {@code label@+1}, {@code rev+1}).
     */
    public List<Revision> upgradePlan(List<String> currentHeads, String destination) {
        List<Node> order = planner.iterate(List.of(destination), currentHeads, true, false, true, false);
        Collections.reverse(order);
        return revisionsOf(order);
    }

    /**
     * The revisions {@code downgrade destination} undoes from a database at {@code currentHeads}, in the order
     * they are undone (children first). The destination may be relative ({@code -1}, {@code label@-1}).
     */
    public List<Revision> downgradePlan(List<String> currentHeads, String destination) {
        List<String> lower = destination == null ? List.of() : List.of(destination);
        return revisionsOf(planner.iterate(currentHeads, lower, false, false, true, true));
    }

    /**
     * The revisions between {@code base} and {@code head} inclusive, newest first, as {@code history} lists them
     * (Alembic's {@code walk_revisions}).
     */
    public List<Revision> walk(String base, String head) {
        return walk(List.of(base), List.of(head));
    }

    /** {@link #walk(String, String)} with several revisions at either end, e.g. the database's current rows. */
    public List<Revision> walk(List<String> base, List<String> head) {
        return revisionsOf(planner.iterate(head, base, false, true, false, false));
    }

    /**
     * The revisions a database with these version rows is at: the rows plus the branch tips their dependencies
     * imply (Alembic's {@code get_all_current}), in load order.
     */
    public List<Revision> currentRevisions(List<String> rows) {
        return revisionsOf(planner.allCurrent(rows));
    }

    /** The version-row moves {@code stamp destinations} makes from {@code currentHeads}. */
    public List<StampMove> stampPlan(List<String> destinations, List<String> currentHeads) {
        return planner.stamp(destinations, currentHeads);
    }

    static List<Revision> revisionsOf(Collection<Node> nodes) {
        List<Revision> out = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            if (node != null && node != Node.BASE) {
                out.add(node.revision);
            }
        }
        return out;
    }

    private static List<String> ids(List<Node> nodes) {
        return nodes.stream().map(n -> n.id).collect(Collectors.toUnmodifiableList());
    }

    private List<String> ids(int[] indices) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(nodes[i].id);
        }
        return Collections.unmodifiableList(out);
    }
}
