package dev.retort.graph;

import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.GraphDsl.Walk;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_revision.py} {@code MultipleBaseCrossDependencyTestOne}, {@code ...Two} and
 * {@code ...Three}: independent roots whose branches depend on each other. Upgrades pull in the dependencies; a
 * downgrade limited to one branch leaves them alone, and a downgrade of a dependency takes its dependents down.
 */
class MultipleBaseCrossDependencyTests {

    /**
     * <pre>
     * base1 (b_1) → a1a → b1a
     *             → a1b → b1b ~a3
     * base2 (b_2) → a2 → b2 → c2 ~a3 → d2
     * base3 (b_3) → a3 → b3
     * </pre>
     */
    private static RevisionGraph one() {
        return graph(
                "base1 @b_1",
                "a1a<-base1",
                "a1b<-base1",
                "b1a<-a1a",
                "b1b<-a1b ~a3",
                "base2 @b_2",
                "a2<-base2",
                "b2<-a2",
                "c2<-b2 ~a3",
                "d2<-c2",
                "base3 @b_3",
                "a3<-base3",
                "b3<-a3");
    }

    @Test
    void oneHeadsAreTheBranchTips() {
        assertThat(one().heads()).containsExactly("b1a", "b1b", "d2", "b3");
    }

    @Test
    void oneHeadsToBase() {
        assertThat(iterate(one(), "heads", "base")).containsExactly(
                "b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2", "b3", "a3", "base3");
    }

    @Test
    void oneHeadsToBaseForDowngrade() {
        assertThat(iterate(one(), "heads", "base", Walk.FOR_DOWNGRADE)).containsExactly(
                "b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2", "b3", "a3", "base3");
    }

    @Test
    void oneSameBranchWrongDirectionThrowsRangeNotAncestor() {
        assertThatThrownBy(() -> iterate(one(), "b2", "d2"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision d2 is not an ancestor of revision b2");
    }

    @Test
    void oneDifferentBranchThrowsRangeNotAncestor() {
        assertThatThrownBy(() -> iterate(one(), "b3", "d2"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision d2 is not an ancestor of revision b3");
    }

    @Test
    void oneUpgradingBranchTwoNeedsBranchThree() {
        assertThat(iterate(one(), "b_2@head", "base")).containsExactly("d2", "c2", "b2", "a2", "base2", "a3", "base3");
    }

    @Test
    void oneDowngradingBranchTwoLeavesBranchThreeAlone() {
        assertThat(iterate(one(), "b_2@head", "b_2@base", Walk.FOR_DOWNGRADE))
                .containsExactly("d2", "c2", "b2", "a2", "base2");
    }

    @Test
    void oneBranchThreeUpgradesAlone() {
        assertThat(iterate(one(), "b_3@head", "base")).containsExactly("b3", "a3", "base3");
    }

    @Test
    void oneBranchThreeDowngradesAlone() {
        assertThat(iterate(one(), "b_3@head", "base", Walk.FOR_DOWNGRADE)).containsExactly("b3", "a3", "base3");
    }

    @Test
    void oneUpgradingBranchOneHeadNeedsBranchThree() {
        assertThat(iterate(one(), "b1b@head", "base")).containsExactly("b1b", "a1b", "base1", "a3", "base3");
    }

    @Test
    void oneDowngradingBranchOneToItsBaseLeavesBranchThreeAlone() {
        assertThat(iterate(one(), "b1b@head", "b1b@base", Walk.FOR_DOWNGRADE)).containsExactly("b1b", "a1b", "base1");
    }

    @Test
    void oneUpgradingHeadsFromBranchTwoBaseIncludesItsDependency() {
        assertThat(iterate(one(), "heads", "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2", "a3", "base3");
    }

    @Test
    void oneDowngradingHeadsToBranchTwoBaseRunsThroughTheTwosAlone() {
        assertThat(iterate(one(), "heads", "b_2@base", Walk.FOR_DOWNGRADE))
                .containsExactly("d2", "c2", "b2", "a2", "base2");
    }

    @Test
    void oneUpgradingHeadsFromBranchThreeBaseNeedsOnlyTheThrees() {
        assertThat(iterate(one(), "heads", "b_3@base")).containsExactly("b3", "a3", "base3");
    }

    @Test
    void oneDowngradingHeadsToBranchThreeBaseTakesDownItsDependentsFirst() {
        assertThat(iterate(one(), "heads", "b_3@base", Walk.FOR_DOWNGRADE))
                .containsExactly("b1b", "d2", "c2", "b3", "a3", "base3");
    }

    /**
     * <pre>
     * base1 (b_1) → a1 → b1 → c1
     * base2 (b_2) ~b_1 → a2 → b2 → c2 → d2
     * base3 (b_3) → a3 → b3 → c3 ~b2 → d3
     * </pre>
     */
    private static RevisionGraph two() {
        return graph(
                "base1 @b_1",
                "a1<-base1",
                "b1<-a1",
                "c1<-b1",
                "base2 @b_2 ~b_1",
                "a2<-base2",
                "b2<-a2",
                "c2<-b2",
                "d2<-c2",
                "base3 @b_3",
                "a3<-base3",
                "b3<-a3",
                "c3<-b3 ~b2",
                "d3<-c3");
    }

    @Test
    void twoHeadsAreTheBranchTips() {
        assertThat(two().heads()).containsExactly("c1", "d2", "d3");
    }

    @Test
    void twoDependencyOnALabelResolvesToTheRevisionDeclaringIt() {
        assertThat(two().resolvedDependencies("base2")).containsExactly("base1");
    }

    @Test
    void twoHeadsToBase() {
        assertThat(iterate(two(), "heads", "base")).containsExactly(
                "c1", "b1", "a1", "d2", "c2", "d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1");
    }

    @Test
    void twoBranchTwoNeedsBaseOne() {
        assertThat(iterate(two(), "b_2@head", "base")).containsExactly("d2", "c2", "b2", "a2", "base2", "base1");
    }

    @Test
    void twoBranchThreeNeedsBranchTwoUpToTheDependency() {
        assertThat(iterate(two(), "b_3@head", "base"))
                .containsExactly("d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1");
    }

    @Test
    void twoBranchOneNeedsNothingElse() {
        assertThat(iterate(two(), "b_1@head", "base")).containsExactly("c1", "b1", "a1", "base1");
    }

    @Test
    void twoHeadsFromBranchOneBase() {
        assertThat(iterate(two(), "heads", "b_1@base")).containsExactly("c1", "b1", "a1", "base1");
    }

    @Test
    void twoHeadsFromBranchTwoBase() {
        assertThat(iterate(two(), "heads", "b_2@base")).containsExactly("d2", "c2", "b2", "a2", "base2", "base1");
    }

    @Test
    void twoHeadsFromBranchThreeBase() {
        assertThat(iterate(two(), "heads", "b_3@base"))
                .containsExactly("d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1");
    }

    /** base1 → a1 → b1; c2 has no parent but depends on a1; c3 follows c2. */
    @Test
    void threeRevisionWithNoParentButADependencyComesAfterTheDependency() {
        RevisionGraph graph = graph("base1", "a1<-base1", "b1<-a1", "c2 ~a1", "c3<-c2");
        assertThat(iterate(graph, "heads", "base")).containsExactly("b1", "c3", "c2", "a1", "base1");
        assertThat(graph.bases()).containsExactly("base1", "c2");
    }
}
