package dev.retort.graph;

import static dev.retort.graph.GraphDsl.downgrade;
import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.ids;
import static dev.retort.graph.GraphDsl.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_version_traversal.py} {@code DependsOnBranchTestOne} to {@code ...Four},
 * {@code DependsOnOwnDownrevTest} and {@code DependsOnBranchLabelTest}: moves across {@code depends_on}.
 */
class DependsOnTraversalTests {

    /** lib1: a1 → b1 → c1 → d1 → e1 → f1; a2 → b2 → c2, which depends on c1. */
    private static RevisionGraph dependsOnOne() {
        return graph("a1 @lib1", "b1<-a1", "c1<-b1", "a2", "b2<-a2", "c2<-b2 ~c1", "d1<-c1", "e1<-d1", "f1<-e1");
    }

    @Test
    void oneDowngradeToTheDependencyUndoesTheBranchAboveIt() {
        assertThat(downgrade(dependsOnOne(), "c1", "c2", "d1")).containsExactly("d1");
    }

    @Test
    void oneStampAcrossADependencyMovesBothHeadsToTheTarget() {
        assertThat(dependsOnOne().stampPlan(List.of("b1"), List.of("e1", "c2")))
                .containsExactly(new StampMove(List.of("e1", "c2"), List.of("b1"), false, false));
    }

    @Test
    void oneCurrentRevisionsOfADependentRowIncludeTheDependencyTip() {
        assertThat(ids(dependsOnOne().currentRevisions(List.of("c2")))).containsExactly("c1", "c2");
        assertThat(ids(dependsOnOne().currentRevisions(List.of("c2", "d1")))).containsExactly("c2", "d1");
    }

    /**
     * amerge merges a1, a2, a3; bmerge merges b1, b2; cmerge merges c1, c2, c3; d1 ("overmerge") has no parent but
     * depends on a3, b2 and c1.
     */
    private static RevisionGraph dependsOnTwo() {
        return graph(
                "a1", "a2", "a3", "amerge<-a1,a2,a3",
                "b1", "b2", "bmerge<-b1,b2",
                "c1", "c2", "c3", "cmerge<-c1,c2,c3",
                "d1 ~a3,b2,c1");
    }

    @Test
    void twoDowngradeToADependencyUndoesOnlyTheMergeAboveIt() {
        assertThat(downgrade(dependsOnTwo(), "b2", "amerge", "bmerge", "cmerge", "d1")).containsExactly("bmerge");
    }

    @Test
    void twoDowngradeTheOvermergeToItsBase() {
        assertThat(downgrade(dependsOnTwo(), "d1@base", "amerge", "d1", "b1", "cmerge")).containsExactly("d1");
    }

    @Test
    void twoDowngradeEverythingToBase() {
        assertThat(downgrade(dependsOnTwo(), "base", "amerge", "b1", "b2", "cmerge")).containsExactly(
                "amerge", "a1", "b1", "b2", "cmerge", "c1", "a2", "a3", "c2", "c3");
    }

    @Test
    void twoUpgradeEverythingRunsDependenciesFirst() {
        // The upgrade path in the comment of Alembic's test_kaboom, confirmed with Alembic 1.20's RevisionMap.
        assertThat(upgrade(dependsOnTwo(), "heads")).containsExactly(
                "c3", "c2", "b2", "a3", "a2", "c1", "d1", "cmerge", "b1", "bmerge", "a1", "amerge");
    }

    /** Alembic issue #377: a1 → a2 → a3 ~b1 and b1 → b2 ~a2 → b3, depending on each other crosswise. */
    @Test
    void threeDowngradeOverACrissCrossRemovesHalfOfTheMerge() {
        RevisionGraph crissCross = graph("a1", "a2<-a1", "b1", "b2<-b1 ~a2", "b3<-b2", "a3<-a2 ~b1");
        assertThat(downgrade(crissCross, "b1", "a3", "b2")).containsExactly("b2");
        assertThat(upgrade(crissCross, "heads")).containsExactly("a1", "a2", "b1", "a3", "b2", "b3");
    }

    /** Alembic issue #843: a2 revises and depends on a1. */
    @Test
    void dependencyOnTheOwnDownRevisionIsTraversedOnce() {
        RevisionGraph graph = graph("a1", "a2<-a1 ~a1");
        assertThat(upgrade(graph, "a2")).containsExactly("a1", "a2");
        assertThat(downgrade(graph, "a1", "a2")).containsExactly("a2");
    }

    /** Alembic issue #789: b2 and b4 both depend on a3. */
    @Test
    void fourDependenciesAreNormalizedSoADowngradeStaysOnTheBranch() {
        RevisionGraph graph = graph("a1", "a2<-a1", "a3<-a2", "b1", "b2<-b1 ~a3", "b3<-b2", "b4<-b3 ~a3");
        assertThat(downgrade(graph, "b3", "b4")).containsExactly("b4");
        assertThat(graph.normalizedDownRevisions("b4")).containsExactly("b3");
    }

    /** As DependsOnBranchTestOne, but c2 depends on the label c1lib that c1 declares. */
    @Test
    void upgradeAcrossADependencyOnABranchLabel() {
        RevisionGraph graph = graph(
                "a1 @lib1", "b1<-a1", "c1<-b1 @c1lib", "a2", "b2<-a2", "c2<-b2 ~c1lib", "d1<-c1", "e1<-d1", "f1<-e1");
        assertThat(graph.resolvedDependencies("c2")).containsExactly("c1");
        assertThat(upgrade(graph, "c2", "a2")).containsExactly("a1", "b1", "c1", "b2", "c2");
    }
}
