package dev.retort.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The counting topological sort gives exactly the order of Alembic's own algorithm, on random graphs with
 * branches, merges and dependencies, for the sets upgrades and downgrades sort.
 */
class TopologicalSortTests {

    /** A random graph: each revision revises one or two earlier ones (or none) and may depend on another. */
    private static RevisionGraph randomGraph(Random random, int size) {
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> down = new ArrayList<>();
            List<String> deps = new ArrayList<>();
            if (i > 0 && random.nextInt(10) > 0) {
                down.add("r" + random.nextInt(i));
                if (i > 2 && random.nextInt(5) == 0) {
                    String second = "r" + random.nextInt(i);
                    if (!down.contains(second)) {
                        down.add(second);
                    }
                }
            }
            if (i > 3 && random.nextInt(6) == 0) {
                String dep = "r" + random.nextInt(i);
                if (!down.contains(dep)) {
                    deps.add(dep);
                }
            }
            revisions.add(new Revision("r" + i, down, deps, List.of()));
        }
        return RevisionGraph.of(revisions);
    }

    @RepeatedTest(300)
    void countingSortMatchesAlembicsSortOnUpgradeAndDowngradeSets(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        RevisionGraph graph = randomGraph(random, 5 + random.nextInt(40));
        Planner planner = graph.planner();
        for (int trial = 0; trial < 10; trial++) {
            List<Node> targets = randomNodes(graph, random);
            List<Node> current = randomNodes(graph, random);
            BitSet upgrade = graph.ancestors(targets, true);
            upgrade.andNot(graph.ancestors(current, true));
            assertSameOrder(planner, upgrade, targets);

            BitSet downgrade = graph.descendants(targets, true);
            downgrade.and(graph.ancestors(current, true));
            assertSameOrder(planner, downgrade, current);
        }
    }

    @Test
    void countingSortIsUsedOnALargeBranchedHistory() {
        List<Revision> revisions = new ArrayList<>();
        String trunk = null;
        for (int group = 0; group < 500; group++) {
            String base = "t" + group;
            revisions.add(trunk == null ? Revision.of(base) : Revision.of(base, trunk));
            revisions.add(Revision.of("a" + group, base));
            revisions.add(Revision.of("b" + group, base));
            trunk = "m" + group;
            revisions.add(Revision.of(trunk, "a" + group, "b" + group));
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        BitSet all = new BitSet();
        all.set(0, graph.size());

        assertThat(graph.upgradePlan(List.of(), "heads")).extracting(Revision::id)
                .containsExactlyElementsOf(ids(reverse(graph.planner().alembicSort(all,
                        List.of(graph.node(graph.size() - 1))))));
    }

    private static void assertSameOrder(Planner planner, BitSet set, List<Node> heads) {
        List<Node> counted = planner.countingSort(set, heads);
        assertThat(counted).as("the counting sort answered for %s from %s", set, heads).isNotNull();
        assertThat(ids(counted)).as("sorting %s from %s", set, heads).isEqualTo(ids(planner.alembicSort(set, heads)));
    }

    private static List<Node> randomNodes(RevisionGraph graph, Random random) {
        List<Node> nodes = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Node node = graph.node(random.nextInt(graph.size()));
            if (!nodes.contains(node)) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static List<Node> reverse(List<Node> nodes) {
        List<Node> out = new ArrayList<>(nodes);
        java.util.Collections.reverse(out);
        return out;
    }

    private static List<String> ids(List<Node> nodes) {
        return nodes.stream().map(n -> n.id).toList();
    }
}
