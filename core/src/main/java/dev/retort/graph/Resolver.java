package dev.retort.graph;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves identifiers and relative steps against a graph, following Alembic's {@code RevisionMap} resolution
 * ({@code _resolve_revision_number}, {@code _revision_for_ident}, {@code _walk}, {@code _parse_upgrade_target},
 * {@code _parse_downgrade_target}) step for step. A {@code null} node stands for Alembic's {@code None} and
 * {@link Node#BASE} for its {@code "base"} marker.
 */
final class Resolver {

    /** Alembic's {@code _relative_destination}: {@code [label@][symbol](+|-)N}, matched at the start. */
    static final Pattern RELATIVE =
            Pattern.compile("(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final BigInteger MAX_STEPS = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger MIN_STEPS = MAX_STEPS.negate();

    private final RevisionGraph graph;
    private final Consumer<String> warnings;

    Resolver(RevisionGraph graph, Consumer<String> warnings) {
        this.graph = graph;
        this.warnings = warnings;
    }

    record Resolved(List<String> ids, String branchLabel) {
    }

    record DowngradeTarget(String branchLabel, Node revision) {
    }

    static boolean truthy(String value) {
        return value != null && !value.isEmpty();
    }

    Resolved resolveRevisionNumber(String id) {
        String branchLabel = null;
        if (id != null && id.contains("@")) {
            int at = id.indexOf('@');
            branchLabel = id.substring(0, at);
            id = id.substring(at + 1);
        }
        if ("heads".equals(id)) {
            if (truthy(branchLabel)) {
                return new Resolved(ids(filterForLineage(graph.headNodes(), branchLabel, false)), branchLabel);
            }
            return new Resolved(ids(graph.realHeadNodes()), branchLabel);
        }
        if ("head".equals(id)) {
            Node head = currentHead(branchLabel);
            return new Resolved(head == null ? List.of() : List.of(head.id), branchLabel);
        }
        if (id == null || "base".equals(id)) {
            return new Resolved(List.of(), branchLabel);
        }
        return new Resolved(List.of(id), branchLabel);
    }

    Node currentHead(String branchLabel) {
        List<Node> heads = graph.headNodes();
        if (truthy(branchLabel)) {
            heads = filterForLineage(heads, branchLabel, false);
        }
        if (heads.size() > 1) {
            throw new MultipleHeadsException(ids(heads), truthy(branchLabel) ? branchLabel + "@head" : "head");
        }
        return heads.isEmpty() ? null : heads.get(0);
    }

    /** Alembic's {@code get_revisions} for one identifier; may hold {@code null} or BASE after a relative walk. */
    List<Node> getRevisions(String id) {
        Resolved resolved = resolveRevisionNumber(id);
        if (resolved.ids().size() == 1 && INTEGER.matcher(resolved.ids().get(0)).matches()) {
            int steps = parseInt(resolved.ids().get(0));
            if (steps < 0) {
                List<Node> heads = getRevisions("heads");
                if (resolved.branchLabel() != null) {
                    heads = heads.stream().filter(h -> h.labels.contains(resolved.branchLabel()))
                            .collect(Collectors.toList());
                }
                List<Node> out = new ArrayList<>();
                for (Node head : heads) {
                    out.add(walk(head, steps, null, true));
                }
                return out;
            }
        }
        List<Node> out = new ArrayList<>(resolved.ids().size());
        for (String rev : resolved.ids()) {
            out.add(revisionForIdent(rev, resolved.branchLabel()));
        }
        return out;
    }

    List<Node> getRevisions(Collection<String> ids) {
        List<Node> out = new ArrayList<>();
        for (String id : ids) {
            out.addAll(getRevisions(id));
        }
        return out;
    }

    /** Alembic's {@code get_revision}: at most one revision, {@code null} for base. */
    Node getRevision(String id) {
        Resolved resolved = resolveRevisionNumber(id);
        if (resolved.ids().size() > 1) {
            throw new MultipleHeadsException(resolved.ids(), id);
        }
        return revisionForIdent(resolved.ids().isEmpty() ? null : resolved.ids().get(0), resolved.branchLabel());
    }

    Node resolveBranch(String branchLabel) {
        Node labelled = graph.keys().get(branchLabel);
        if (labelled != null) {
            return labelled;
        }
        try {
            return revisionForIdent(branchLabel, null);
        } catch (ResolutionException e) {
            throw new ResolutionException("No such branch: '" + branchLabel + "'", branchLabel);
        }
    }

    Node revisionForIdent(String resolvedId, String checkBranch) {
        Node branchRev = truthy(checkBranch) ? resolveBranch(checkBranch) : null;
        if (resolvedId == null) {
            return null;
        }
        Node revision = graph.keys().get(resolvedId);
        if (revision == null) {
            List<String> matches = new ArrayList<>();
            for (Map.Entry<String, Node> entry : graph.keys().entrySet()) {
                String key = entry.getKey();
                if (key.length() > 3 && key.startsWith(resolvedId)) {
                    matches.add(key);
                }
            }
            if (branchRev != null) {
                List<String> inBranch = new ArrayList<>();
                for (String key : matches) {
                    if (sharesLineage(graph.keys().get(key), lineageOf(checkBranch), false)) {
                        inBranch.add(key);
                    }
                }
                matches = inBranch;
            }
            if (matches.isEmpty()) {
                throw new ResolutionException("No such revision or branch '" + resolvedId + "'"
                        + (resolvedId.length() < 4
                                ? "; please ensure at least four characters are present for partial revision"
                                        + " identifier matches"
                                : ""),
                        resolvedId);
            }
            if (matches.size() > 1) {
                throw new ResolutionException("Multiple revisions start with '" + resolvedId + "': "
                        + matches.subList(0, Math.min(3, matches.size())).stream().map(m -> "'" + m + "'")
                                .collect(Collectors.joining(", "))
                        + "...", resolvedId);
            }
            revision = graph.keys().get(matches.get(0));
        }
        if (truthy(checkBranch) && !sharesLineage(revision, List.of(branchRev), false)) {
            throw new ResolutionException(
                    "Revision " + revision.id + " is not a member of branch '" + checkBranch + "'", resolvedId);
        }
        return revision;
    }

    /** The nodes an identifier used as a lineage filter stands for: its branch label and its ids. */
    private List<Node> lineageOf(String checkAgainst) {
        Resolved resolved = resolveRevisionNumber(checkAgainst);
        List<Node> shares = new ArrayList<>();
        if (truthy(resolved.branchLabel())) {
            shares.add(revisionForIdent(resolved.branchLabel(), null));
        }
        for (String id : resolved.ids()) {
            shares.add(revisionForIdent(id, null));
        }
        return shares;
    }

    List<Node> filterForLineage(Collection<Node> targets, String checkAgainst, boolean includeDependencies) {
        Resolved resolved = resolveRevisionNumber(checkAgainst);
        if (!truthy(resolved.branchLabel()) && resolved.ids().isEmpty()) {
            return new ArrayList<>(targets);
        }
        if (targets.isEmpty()) {
            // Alembic resolves the lineage once per target, so with no targets an unknown identifier is no error.
            return new ArrayList<>();
        }
        List<Node> shares = lineageOf(checkAgainst);
        List<Node> out = new ArrayList<>();
        for (Node target : targets) {
            if (sharesLineage(target, shares, includeDependencies)) {
                out.add(target);
            }
        }
        return out;
    }

    boolean sharesLineage(Node target, List<Node> testAgainst, boolean includeDependencies) {
        if (testAgainst.isEmpty()) {
            return true;
        }
        BitSet related = graph.descendants(List.of(target), includeDependencies);
        related.or(graph.ancestors(List.of(target), includeDependencies));
        for (Node other : testAgainst) {
            if (other != null && other != Node.BASE && related.get(other.index)) {
                return true;
            }
        }
        return false;
    }

    /** Alembic's {@code _walk}: up ({@code steps > 0}) or down, failing on a fork. */
    Node walk(Node start, int steps, String branchLabel, boolean noOverwalk) {
        Node initial = start;
        for (int i = 0; i < Math.abs(steps); i++) {
            List<Node> children;
            if (steps > 0) {
                List<Node> up = new ArrayList<>();
                if (initial == null) {
                    up.addAll(graph.baseNodes());
                } else {
                    for (int child : initial.next) {
                        up.add(graph.node(child));
                    }
                }
                children = truthy(branchLabel) ? filterForLineage(up, branchLabel, false) : up;
            } else if (initial == Node.BASE) {
                children = List.of();
            } else {
                children = new ArrayList<>();
                if (initial == null) {
                    children.addAll(getRevisions(ids(graph.headNodes())));
                } else {
                    for (int parent : initial.down) {
                        children.add(graph.node(parent));
                    }
                }
                if (children.isEmpty()) {
                    children = List.of(Node.BASE);
                }
            }
            if (children.isEmpty()) {
                return noOverwalk ? null : initial;
            }
            if (children.size() > 1) {
                throw new RevisionGraphException("Ambiguous walk");
            }
            initial = children.get(0);
        }
        return initial;
    }

    private static String relativeFailure(String relative) {
        return "Relative revision " + relative + " didn't produce " + new BigInteger(relative).abs() + " migrations";
    }

    DowngradeTarget parseDowngradeTarget(List<String> currentRevisions, String target, boolean assertRelativeLength) {
        if (target == null) {
            return new DowngradeTarget(null, null);
        }
        Matcher match = RELATIVE.matcher(target);
        if (match.lookingAt()) {
            String branchLabel = match.group(1);
            String symbol = match.group(2);
            String relative = match.group(3);
            int steps = parseInt(relative);
            if (steps >= 0) {
                if (symbol == null) {
                    throw new RevisionGraphException(relativeFailure(relative));
                }
                Node rev = walk(getRevision(symbol), steps, branchLabel, assertRelativeLength);
                if (rev == null) {
                    throw new RevisionGraphException("Walked too far");
                }
                return new DowngradeTarget(branchLabel, rev);
            }
            boolean relativeToCurrent = symbol == null;
            if (relativeToCurrent) {
                if (truthy(branchLabel)) {
                    List<Node> current = getRevisions(currentRevisions);
                    List<Node> symbols = filterForLineage(current, branchLabel, false);
                    if (symbols.isEmpty()) {
                        symbols = filterForLineage(allCurrent(currentRevisions), branchLabel, false);
                    }
                    if (symbols.isEmpty()) {
                        throw new RevisionGraphException(relativeFailure(relative));
                    }
                    if (symbols.size() > 1) {
                        throw new RevisionGraphException("Ambiguous walk");
                    }
                    symbol = symbols.get(0).id;
                } else {
                    if (currentRevisions.isEmpty()) {
                        throw new RevisionGraphException(relativeFailure(relative));
                    }
                    if (new LinkedHashSet<>(currentRevisions).size() > 1) {
                        warnings.accept("downgrade -1 from multiple heads is ambiguous; "
                                + "this usage will be disallowed in a future release.");
                    }
                    symbol = currentRevisions.get(0);
                    branchLabel = symbol;
                }
            }
            Node start = branchLabel == null ? getRevision(symbol) : getRevision(branchLabel + "@" + symbol);
            Node rev = walk(start, steps, null, assertRelativeLength);
            if (rev == null) {
                throw new RevisionGraphException(relativeToCurrent ? relativeFailure(relative)
                        : "Walked too far");
            }
            return new DowngradeTarget(branchLabel, rev);
        }
        int at = target.lastIndexOf('@');
        String branchLabel = at < 0 ? null : target.substring(0, at);
        String symbol = at < 0 ? target : target.substring(at + 1);
        return new DowngradeTarget(truthy(branchLabel) ? branchLabel : null, getRevision(symbol));
    }

    List<Node> parseUpgradeTarget(List<String> currentRevisions, List<String> target, boolean assertRelativeLength) {
        Matcher match = target.size() == 1 ? RELATIVE.matcher(target.get(0)) : null;
        if (match == null || !match.lookingAt()) {
            return getRevisions(target);
        }
        String branchLabel = match.group(1);
        String symbol = match.group(2);
        String relative = match.group(3);
        int steps = parseInt(relative);
        if (steps > 0) {
            if (symbol != null) {
                return listOf(walk(getRevision(symbol), steps, branchLabel, assertRelativeLength));
            }
            Node start;
            if (truthy(branchLabel)) {
                List<Node> current = getRevisions(currentRevisions);
                List<Node> starts = filterForLineage(current, branchLabel, false);
                if (starts.isEmpty()) {
                    starts = branchTips(current, branchLabel);
                }
                if (starts.size() > 1) {
                    throw new RevisionGraphException("Ambiguous upgrade from multiple current revisions");
                }
                start = starts.get(0);
            } else {
                if (currentRevisions.size() > 1) {
                    throw new RevisionGraphException("Ambiguous upgrade from multiple current revisions");
                }
                start = currentRevisions.isEmpty() ? null : getRevision(currentRevisions.get(0));
            }
            Node rev = walk(start, steps, branchLabel, assertRelativeLength);
            if (rev == null) {
                throw new RevisionGraphException(relativeFailure(relative));
            }
            return listOf(rev);
        }
        if (symbol == null) {
            throw new RevisionGraphException(relativeFailure(new BigInteger(relative).toString()));
        }
        Node start = branchLabel == null ? getRevision(symbol) : getRevision(branchLabel + "@" + symbol);
        return listOf(walk(start, steps, null, assertRelativeLength));
    }

    /**
     * Where {@code label@+N} starts when no current revision is on the label's branch: the tips of the current
     * revisions' ancestry that are on it, or base when there are none.
     */
    private List<Node> branchTips(List<Node> current, String branchLabel) {
        List<Node> active = filterForLineage(graph.nodesOf(graph.ancestors(current, true)), branchLabel, false);
        Set<Integer> below = new LinkedHashSet<>();
        for (Node node : active) {
            for (int parent : node.normDown) {
                below.add(parent);
            }
        }
        List<Node> tips = new ArrayList<>();
        for (Node node : active) {
            if (!below.contains(node.index)) {
                tips.add(node);
            }
        }
        if (tips.isEmpty()) {
            tips.add(null);
        }
        return tips;
    }

    /** Alembic's {@code _get_all_current}: the rows, their ancestors, reduced to branch tips. */
    List<Node> allCurrent(List<String> rows) {
        List<Node> top = new ArrayList<>();
        for (Node node : getRevisions(rows)) {
            if (node != null && node != Node.BASE) {
                top.add(node);
            }
        }
        BitSet closure = graph.ancestors(top, true);
        List<Node> out = new ArrayList<>();
        // The closure holds every ancestor of its members, so a member has a descendant in it exactly when one
        // of its children is in it.
        for (int i = closure.nextSetBit(0); i >= 0; i = closure.nextSetBit(i + 1)) {
            Node node = graph.node(i);
            boolean tip = true;
            for (int child : node.next) {
                if (closure.get(child)) {
                    tip = false;
                    break;
                }
            }
            if (tip) {
                out.add(node);
            }
        }
        return out;
    }

    private static List<Node> listOf(Node node) {
        List<Node> out = new ArrayList<>(1);
        out.add(node);
        return out;
    }

    /**
     * Python's {@code int()} on a step count or an all-digit id: any length (ids such as {@code 222823685278} are
     * numbers too). Counts beyond an int walk off the graph either way, so they are clamped.
     */
    static int parseInt(String value) {
        BigInteger parsed = new BigInteger(value);
        return parsed.max(MIN_STEPS).min(MAX_STEPS).intValue();
    }

    static List<String> ids(Collection<Node> nodes) {
        return nodes.stream().map(n -> n.id).collect(Collectors.toList());
    }
}
