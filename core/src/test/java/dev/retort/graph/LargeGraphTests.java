package dev.retort.graph;

import static dev.retort.graph.GraphDsl.downgrade;
import static dev.retort.graph.GraphDsl.ids;
import static dev.retort.graph.GraphDsl.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Big histories: a 10,000-revision chain moved by relative steps, and a generated history with many branches,
 * merges and dependencies checked the way Alembic's {@code LargeMapTest} checks its large map.
 */
class LargeGraphTests {

    private static final int LENGTH = 10_000;
    private static final RevisionGraph CHAIN = chain();

    private static String rev(int i) {
        return String.format("rev%05d", i);
    }

    private static RevisionGraph chain() {
        List<Revision> revisions = new ArrayList<>(LENGTH);
        revisions.add(Revision.of(rev(0)));
        for (int i = 1; i < LENGTH; i++) {
            revisions.add(Revision.of(rev(i), rev(i - 1)));
        }
        return RevisionGraph.of(revisions);
    }

    private static List<String> revs(int fromInclusive, int toInclusive) {
        int step = fromInclusive <= toInclusive ? 1 : -1;
        return IntStream.iterate(fromInclusive, i -> i != toInclusive + step, i -> i + step)
                .mapToObj(LargeGraphTests::rev).toList();
    }

    // ---------------------------------------------------------------- 10,000-revision chain

    @Test
    void chainHasOneHeadAndOneBase() {
        assertThat(CHAIN.heads()).containsExactly(rev(LENGTH - 1));
        assertThat(CHAIN.bases()).containsExactly(rev(0));
        assertThat(CHAIN.size()).isEqualTo(LENGTH);
    }

    @Test
    void chainUpgradePlusFiveThousandFromNothing() {
        assertThat(upgrade(CHAIN, "+5000")).containsExactlyElementsOf(revs(0, 4999));
    }

    @Test
    void chainUpgradePlusFiveThousandFromTheMiddle() {
        assertThat(upgrade(CHAIN, "+5000", rev(4999))).containsExactlyElementsOf(revs(5000, 9999));
    }

    @Test
    void chainUpgradeRevisionPlusN() {
        assertThat(upgrade(CHAIN, rev(200) + "+50", rev(100))).containsExactlyElementsOf(revs(101, 250));
    }

    @Test
    void chainUpgradeRevisionMinusN() {
        assertThat(upgrade(CHAIN, rev(9000) + "-10")).containsExactlyElementsOf(revs(0, 8990));
    }

    @Test
    void chainUpgradeToHeadsFromNothingRunsEverything() {
        assertThat(upgrade(CHAIN, "heads")).containsExactlyElementsOf(revs(0, LENGTH - 1));
    }

    @Test
    void chainDowngradeMinusFiveThousandFromTheHead() {
        assertThat(downgrade(CHAIN, "-5000", rev(9999))).containsExactlyElementsOf(revs(9999, 5000));
    }

    @Test
    void chainDowngradeRevisionPlusN() {
        assertThat(downgrade(CHAIN, rev(10) + "+5", rev(9999))).containsExactlyElementsOf(revs(9999, 16));
    }

    @Test
    void chainDowngradeToBaseUndoesEverything() {
        assertThat(downgrade(CHAIN, "base", rev(9999))).containsExactlyElementsOf(revs(9999, 0));
        assertThat(downgrade(CHAIN, "-10000", rev(9999))).containsExactlyElementsOf(revs(9999, 0));
    }

    @Test
    void chainWalkListsEverythingNewestFirst() {
        assertThat(ids(CHAIN.walk("base", "heads"))).containsExactlyElementsOf(revs(9999, 0));
        assertThat(ids(CHAIN.walk(rev(9990), rev(9995)))).containsExactlyElementsOf(revs(9995, 9990));
    }

    @Test
    void chainResolvesMinusNFromTheHead() {
        assertThat(ids(CHAIN.resolve("-9999"))).containsExactly(rev(0));
        assertThat(ids(CHAIN.resolve("-1"))).containsExactly(rev(9998));
    }

    @Test
    void chainRevisionPlusNIsATargetButNotAnIdentifier() {
        // get_revisions only reads a bare negative number as relative; REV+N is for upgrade and downgrade.
        assertThat(upgrade(CHAIN, rev(5000) + "+1", rev(4999))).containsExactly(rev(5000), rev(5001));
        assertThatThrownBy(() -> CHAIN.resolve(rev(5000) + "+1"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch 'rev05000+1'");
    }

    @Test
    void chainUpgradePastTheHeadThrowsRelativeRevision() {
        assertThatThrownBy(() -> upgrade(CHAIN, "+10001"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision +10001 didn't produce 10001 migrations");
    }

    @Test
    void chainAmbiguousPrefixNamesTheFirstThreeMatches() {
        assertThatThrownBy(() -> CHAIN.resolve("rev0999"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Multiple revisions start with 'rev0999': 'rev09990', 'rev09991', 'rev09992'...");
        assertThat(CHAIN.resolveOne("rev09999").id()).isEqualTo(rev(9999));
    }

    @Test
    void chainStampsAcrossThousandsOfRevisionsInOneMove() {
        assertThat(CHAIN.stampPlan(List.of(rev(9999)), List.of(rev(0))))
                .containsExactly(new StampMove(List.of(rev(0)), List.of(rev(9999)), true, false));
    }

    // ---------------------------------------------------------------- generated history (LargeMapTest)

    /**
     * One base and 1,500 revisions, each revising one of the thirty before it (a fifth of them merging a second),
     * some depending on an older revision, loaded in shuffled order as files named by random ids load.
     */
    private static RevisionGraph generated() {
        Random random = new Random(297);
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String id;
            do {
                id = Long.toHexString(random.nextLong() >>> 16);
            } while (!used.add(id));
            List<String> down = new ArrayList<>();
            List<String> deps = new ArrayList<>();
            if (i > 0) {
                down.add(ids.get(Math.max(0, i - 30) + random.nextInt(Math.min(i, 30))));
                if (random.nextInt(5) == 0) {
                    String other = ids.get(random.nextInt(i));
                    if (!down.contains(other)) {
                        down.add(other);
                    }
                }
                if (random.nextInt(20) == 0) {
                    String dependency = ids.get(random.nextInt(i));
                    if (!down.contains(dependency)) {
                        deps.add(dependency);
                    }
                }
            }
            ids.add(id);
            revisions.add(new Revision(id, down, deps, List.of()));
        }
        Collections.shuffle(revisions, random);
        return RevisionGraph.of(revisions);
    }

    @Test
    void generatedWalkVisitsEveryRevisionOnceAfterEverythingAboveIt() {
        RevisionGraph graph = generated();
        List<String> walk = ids(graph.walk("base", "heads"));
        assertThat(walk).hasSize(graph.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(walk)).isEqualTo(new HashSet<>(ids(graph.revisions())));
        assertNewestFirst(graph, walk);
    }

    @Test
    void generatedWalkLeavesAnAncestorOfEachRevisionForLater() {
        // LargeMapTest.test_all: no revision is both ancestor and descendant of another, and after each revision
        // some ancestor of it is still to come.
        RevisionGraph graph = generated();
        List<String> walk = ids(graph.walk("base", "heads"));
        for (int i = 0; i < walk.size(); i++) {
            String id = walk.get(i);
            Set<String> ancestors = new HashSet<>(graph.ancestorIds(List.of(id), true));
            ancestors.remove(id);
            Set<String> descendants = descendants(graph, id);
            assertThat(intersection(ancestors, descendants)).as(id).isEmpty();
            List<String> remaining = walk.subList(i + 1, walk.size());
            if (!remaining.isEmpty()) {
                assertThat(remaining).as(id).containsAnyElementsOf(ancestors);
            }
        }
    }

    @Test
    void generatedUpgradeRunsParentsFirstAndDowngradeChildrenFirst() {
        RevisionGraph graph = generated();
        List<String> up = upgrade(graph, "heads");
        assertThat(up).hasSize(graph.size()).doesNotHaveDuplicates();
        List<String> reversed = new ArrayList<>(up);
        Collections.reverse(reversed);
        assertNewestFirst(graph, reversed);

        List<String> down = downgrade(graph, "base", graph.realHeads().toArray(String[]::new));
        assertThat(down).hasSize(graph.size()).doesNotHaveDuplicates();
        assertNewestFirst(graph, down);
    }

    /** Alembic's {@code conforms_partial_ordering} check: each revision comes before what it revises or needs. */
    private static void assertNewestFirst(RevisionGraph graph, List<String> order) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        for (String id : order) {
            for (String down : graph.normalizedDownRevisions(id)) {
                assertThat(position.get(id)).as(id + " before " + down).isLessThan(position.get(down));
            }
        }
    }

    private static Set<String> intersection(Set<String> one, Set<String> other) {
        Set<String> out = new HashSet<>(one);
        out.retainAll(other);
        return out;
    }

    private static Set<String> descendants(RevisionGraph graph, String id) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(graph.children(id));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (out.add(next)) {
                todo.addAll(graph.children(next));
            }
        }
        return out;
    }
}
