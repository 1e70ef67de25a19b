package dev.retort.graph;

import static dev.retort.graph.GraphDsl.downgrade;
import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_version_traversal.py} {@code BranchFromMergepointTest}, {@code BranchFrom3WayMergepointTest},
 * {@code TwinMergeTest} and {@code NotQuiteTwinMergeTest}: histories where a mergepoint takes only part of a branch.
 */
class MergepointTraversalTests {

    /** a1 → b1 → c1 and a2 → b2 → c2 merge into d1; c2 also goes on to d2. */
    private static RevisionGraph branchFromMergepoint() {
        return graph("a1", "b1<-a1", "c1<-b1", "a2", "b2<-a2", "c2<-b2", "d1<-c1,c2", "d2<-c2");
    }

    @Test
    void branchFromMergepointHasTwoHeads() {
        assertThat(branchFromMergepoint().heads()).containsExactly("d1", "d2");
        assertThat(branchFromMergepoint().isBranchPoint("c2")).isTrue();
        assertThat(branchFromMergepoint().isMergePoint("d1")).isTrue();
    }

    @Test
    void upgradeToMergepointFromOnlyOneSide() {
        assertThat(upgrade(branchFromMergepoint(), "d1", "d2", "b1")).containsExactly("c1", "d1");
    }

    @Test
    void downgradeMergepointToOnlyOneSide() {
        assertThat(downgrade(branchFromMergepoint(), "b1", "d2", "d1")).containsExactly("d1", "c1");
    }

    /** Three roots a1…c1, a2…c2, a3…c3 merge into d1; c2 goes on to d2 and c3 to d3. */
    private static RevisionGraph branchFrom3WayMergepoint() {
        return graph(
                "a1", "b1<-a1", "c1<-b1",
                "a2", "b2<-a2", "c2<-b2",
                "a3", "b3<-a3", "c3<-b3",
                "d1<-c1,c2,c3", "d2<-c2", "d3<-c3");
    }

    @Test
    void upgradeToThreeWayMergepointFromOnlyOneSide() {
        assertThat(upgrade(branchFrom3WayMergepoint(), "d1", "d3", "d2", "b1")).containsExactly("c1", "d1");
    }

    @Test
    void downgradeThreeWayMergepointToOnlyOneSide() {
        assertThat(downgrade(branchFrom3WayMergepoint(), "b1", "d3", "d2", "d1")).containsExactly("d1", "c1");
    }

    @Test
    void upgradeToThreeWayMergepointFromTwoSides() {
        assertThat(upgrade(branchFrom3WayMergepoint(), "d1", "d3", "b2", "b1")).containsExactly("c2", "c1", "d1");
    }

    @Test
    void upgradeBranchOutOfAThreeWayMergepointAgain() {
        assertThat(upgrade(branchFrom3WayMergepoint(), "d2", "d3", "d1")).containsExactly("d2");
    }

    /** Alembic issue #297: a branches to b1, b2, b3, and both c1 and c2 merge all three; c1 → d1, c2 → d2. */
    @Test
    void twinMergepointsUpgradeOneWholeSideBeforeTheOther() {
        RevisionGraph twin = graph(
                "a", "b1<-a", "b2<-a", "b3<-a", "c1<-b1,b2,b3", "c2<-b1,b2,b3", "d1<-c1", "d2<-c2");
        // Alembic's TwinMergeTest feeds a hand-written step list to its HeadMaintainer; this is the order its
        // _upgrade_revs("heads", "a") gives (checked against Alembic 1.20's RevisionMap).
        assertThat(upgrade(twin, "heads", "a")).containsExactly("b3", "b2", "b1", "c2", "d2", "c1", "d1");
        assertThat(downgrade(twin, "a", "d1", "d2")).containsExactly("d1", "c1", "d2", "c2", "b1", "b2", "b3");
        assertThat(twin.heads()).containsExactly("d1", "d2");
    }

    /** A variant of #297: c1 merges b1 and b2, c2 merges b2 and b3. */
    @Test
    void notQuiteTwinMergepointsUpgradeInTheOrderAlembicDocuments() {
        RevisionGraph notQuite = graph(
                "a", "b1<-a", "b2<-a", "b3<-a", "c1<-b1,b2", "c2<-b2,b3", "d1<-c1", "d2<-c2");
        // The order in NotQuiteTwinMergeTest.test_upgrade's docstring and step list.
        assertThat(upgrade(notQuite, "heads", "a")).containsExactly("b2", "b3", "c2", "d2", "b1", "c1", "d1");
        assertThat(downgrade(notQuite, "a", "d1", "d2")).containsExactly("d1", "c1", "b1", "d2", "c2", "b3", "b2");
    }
}
