package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * A tiny notation for graphs in tests: {@code "c<-a,b @label ~dep"} is revision {@code c} revising {@code a} and
 * {@code b}, introducing branch label {@code label} and depending on {@code dep}. Revisions load in the order given.
 *
 * <p>It also runs the graph's moves and hands back revision ids: {@link #upgrade} and {@link #downgrade} read like
 * Alembic's {@code _upgrade_revs(destination, current)} and {@code _downgrade_revs(destination, current)}, and
 * {@link #iterate} is Alembic's {@code iterate_revisions(upper, lower, inclusive=True)} with the options its tests
 * switch.
 */
final class GraphDsl {

    /** The switches Alembic's {@code iterate_revisions} tests flip; without any it is inclusive and upgrade-shaped. */
    enum Walk {
        EXCLUSIVE, IMPLICIT_BASE, FOR_DOWNGRADE
    }

    private GraphDsl() {
    }

    static RevisionGraph graph(String... specs) {
        return RevisionGraph.of(revisions(specs));
    }

    static List<Revision> revisions(String... specs) {
        List<Revision> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(revision(spec));
        }
        return out;
    }

    static Revision revision(String spec) {
        String[] parts = spec.trim().split("\\s+");
        String head = parts[0];
        String id = head;
        List<String> down = List.of();
        int arrow = head.indexOf("<-");
        if (arrow >= 0) {
            id = head.substring(0, arrow);
            down = Arrays.asList(head.substring(arrow + 2).split(","));
        }
        List<String> labels = new ArrayList<>();
        List<String> deps = new ArrayList<>();
        for (String part : Arrays.asList(parts).subList(1, parts.length)) {
            if (part.startsWith("@")) {
                labels.addAll(Arrays.asList(part.substring(1).split(",")));
            } else if (part.startsWith("~")) {
                deps.addAll(Arrays.asList(part.substring(1).split(",")));
            } else {
                throw new IllegalArgumentException("bad part " + part + " in " + spec);
            }
        }
        return new Revision(id, down, deps, labels);
    }

    static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }

    /** The ids {@code upgrade destination} runs from {@code current}, in running order. */
    static List<String> upgrade(RevisionGraph graph, String destination, String... current) {
        return ids(graph.upgradePlan(List.of(current), destination));
    }

    /**
     * The ids an upgrade to several destinations runs from {@code current}: Alembic's {@code _upgrade_revs} with a
     * tuple destination, which {@link RevisionGraph#upgradePlan} does not take.
     */
    static List<String> upgrade(RevisionGraph graph, List<String> destinations, String... current) {
        List<String> order = new ArrayList<>(iterate(graph, destinations, List.of(current), Walk.IMPLICIT_BASE, Walk.EXCLUSIVE));
        java.util.Collections.reverse(order);
        return order;
    }

    /** The ids {@code downgrade destination} undoes from {@code current}, in running order. */
    static List<String> downgrade(RevisionGraph graph, String destination, String... current) {
        return ids(graph.downgradePlan(List.of(current), destination));
    }

    /** Alembic's {@code iterate_revisions(upper, lower, ...)} as its tests call it: inclusive unless told. */
    static List<String> iterate(RevisionGraph graph, List<String> upper, List<String> lower, Walk... walk) {
        EnumSet<Walk> options = walk.length == 0 ? EnumSet.noneOf(Walk.class) : EnumSet.copyOf(Arrays.asList(walk));
        Planner planner = new Planner(graph, new Resolver(graph, warning -> { }));
        List<Node> nodes = planner.iterate(upper, lower, options.contains(Walk.IMPLICIT_BASE),
                !options.contains(Walk.EXCLUSIVE), true, options.contains(Walk.FOR_DOWNGRADE));
        return ids(RevisionGraph.revisionsOf(nodes));
    }

    static List<String> iterate(RevisionGraph graph, String upper, String lower, Walk... walk) {
        return iterate(graph, List.of(upper), lower == null ? List.of() : List.of(lower), walk);
    }

    static List<String> iterate(RevisionGraph graph, List<String> upper, String lower, Walk... walk) {
        return iterate(graph, upper, lower == null ? List.of() : List.of(lower), walk);
    }
}
