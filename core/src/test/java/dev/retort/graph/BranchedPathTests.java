package dev.retort.graph;

import static dev.retort.graph.GraphDsl.downgrade;
import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.revisions;
import static dev.retort.graph.GraphDsl.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_version_traversal.py} {@code BranchedPathTest} and
 * {@code BranchedPathTestCrossDependencies}: a → b, which branches to c1 (labelled {@code c1branch}) → d1 and c2
 * (labelled {@code c2branch}) → d2, created in the order a, b, c1, d1, c2, d2.
 */
class BranchedPathTests {

    private static final String[] BRANCHED = {"a", "b<-a", "c1<-b @c1branch", "d1<-c1", "c2<-b @c2branch", "d2<-c2"};

    private static RevisionGraph branched() {
        return graph(BRANCHED);
    }

    // ---------------------------------------------------------------- stamp

    @Test
    void stampDownAcrossBothBranchesToTheBranchpointMergesThem() {
        assertThat(branched().stampPlan(List.of("b"), List.of("d1", "c2")))
                .containsExactly(new StampMove(List.of("d1", "c2"), List.of("b"), false, false));
    }

    @Test
    void stampToLabelledBaseDeletesOnlyThatBranch() {
        assertThat(branched().stampPlan(List.of("c1branch@base"), List.of("d1", "c2")))
                .containsExactly(new StampMove(List.of("d1"), List.of(), false, true));
    }

    @Test
    void stampToLabelledHeadMovesOnlyThatBranch() {
        assertThat(branched().stampPlan(List.of("c2branch@head"), List.of("d1", "c2")))
                .containsExactly(new StampMove(List.of("c2"), List.of("d2"), true, false));
    }

    // ---------------------------------------------------------------- upgrade and downgrade

    @Test
    void upgradeOneBranch() {
        assertThat(upgrade(branched(), "d1", "b")).containsExactly("c1", "d1");
    }

    @Test
    void upgradeFromOneHeadToTwoRunsTheLaterLoadedBranchFirst() {
        assertThat(upgrade(branched(), List.of("d1", "d2"), "a")).containsExactly("b", "c2", "d2", "c1", "d1");
    }

    @Test
    void upgradeToHeadsFromNothing() {
        assertThat(upgrade(branched(), "heads")).containsExactly("a", "b", "c2", "d2", "c1", "d1");
    }

    @Test
    void upgradeToHeadsFromOneBranchRunsTheOther() {
        assertThat(upgrade(branched(), "heads", "d1")).containsExactly("c2", "d2");
    }

    @Test
    void downgradeBothBranchesUndoesTheEarlierLoadedFirst() {
        assertThat(downgrade(branched(), "a", "d1", "d2")).containsExactly("d1", "c1", "d2", "c2", "b");
    }

    @Test
    void upgradeToLabelledHeadMinusOne() {
        assertThat(upgrade(branched(), "c2branch@head-1", "b")).containsExactly("c2");
    }

    @Test
    void downgradeToBasePlusTwoDropsEverythingAboveIt() {
        assertThat(downgrade(branched(), "base+2", "d2", "d1")).containsExactly("d1", "c1", "d2", "c2");
    }

    @Test
    void downgradeToLabelledBasePlusTwoDropsOnlyThatBranch() {
        assertThat(downgrade(branched(), "c2branch@base+2", "d2", "d1")).containsExactly("d2", "c2");
    }

    @Test
    void downgradeToLabelledBasePlusThreeIsDowngradeToTheThirdRevision() {
        assertThat(downgrade(branched(), "c2", "d2", "d1")).containsExactly("d2");
        assertThat(downgrade(branched(), "c2branch@base+3", "d2", "d1")).containsExactly("d2");
    }

    @Test
    void downgradeMinusOneFromTwoHeadsStepsTheFirstAndWarns() {
        List<String> warnings = new ArrayList<>();
        RevisionGraph graph = RevisionGraph.of(revisions(BRANCHED), warnings::add);
        assertThat(GraphDsl.ids(graph.downgradePlan(List.of("d2", "d1"), "-1"))).containsExactly("d2");
        assertThat(GraphDsl.ids(graph.downgradePlan(List.of("c2", "d1"), "-1"))).containsExactly("c2");
        assertThat(GraphDsl.ids(graph.downgradePlan(List.of("d1", "d2"), "-1"))).containsExactly("d1");
        assertThat(GraphDsl.ids(graph.downgradePlan(List.of("c1", "d2"), "-1"))).containsExactly("c1");
        assertThat(warnings).hasSize(4).allMatch(w -> w.equals(
                "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release."));
    }

    @Test
    void downgradeLabelMinusOneStepsThatBranchWithoutWarning() {
        List<String> warnings = new ArrayList<>();
        RevisionGraph graph = RevisionGraph.of(revisions(BRANCHED), warnings::add);
        assertThat(GraphDsl.ids(graph.downgradePlan(List.of("d1", "d2"), "c1branch@-1"))).containsExactly("d1");
        assertThat(warnings).isEmpty();
    }

    @Test
    void downgradeRevisionMinusOneStepsThatRevisionWhateverItsPlaceInTheHeads() {
        assertThat(downgrade(branched(), "d2-1", "d2", "c1")).containsExactly("d2");
        assertThat(downgrade(branched(), "d2-1", "c1", "d2")).containsExactly("d2");
    }

    @Test
    void downgradeLabelAtBranchpointDropsThatBranchAlone() {
        assertThat(downgrade(branched(), "c1branch@b", "c1", "d2")).containsExactly("c1");
    }

    @Test
    void downgradeLabelAtBranchpointWhenTheLabelIsBelowTheHead() {
        assertThat(downgrade(branched(), "c2branch@b", "c1", "d2")).containsExactly("d2", "c2");
    }

    @Test
    void downgradeRevisionAtBranchpointUsesTheRevisionAsTheBranch() {
        assertThat(downgrade(branched(), "c2@b", "d1", "d2")).containsExactly("d2", "c2");
        assertThat(downgrade(branched(), "d1@b", "d1", "d2")).containsExactly("d1", "c1");
    }

    @Test
    void downgradeLabelledHeadMinusOne() {
        assertThat(downgrade(branched(), "c1branch@head-1", "d1", "d2")).containsExactly("d1");
    }

    @Test
    void upgradeOtherBranchPlusOneFromTheBranchpoint() {
        assertThat(upgrade(branched(), "c2branch@+1", "c1")).containsExactly("c2");
    }

    @Test
    void upgradeOneBranchOfTwoHeadsPlusOne() {
        assertThat(upgrade(branched(), "c2branch@+1", "c1", "c2")).containsExactly("d2");
    }

    @Test
    void upgradeLabelPlusTwoFromTheOtherBranch() {
        assertThat(upgrade(branched(), "c1branch@+2", "d2")).containsExactly("c1", "d1");
    }

    @Test
    void upgradePlusOneFromTwoHeadsThrowsAmbiguousUpgrade() {
        assertThatThrownBy(() -> upgrade(branched(), "+1", "c1", "c2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous upgrade from multiple current revisions");
    }

    @Test
    void upgradeBasePlusOneFromNothing() {
        assertThat(upgrade(branched(), "base+1")).containsExactly("a");
    }

    @Test
    void upgradePlusOneFromNothing() {
        assertThat(upgrade(branched(), "+1")).containsExactly("a");
    }

    @Test
    void downgradeMinusOneFromTheFirstRevision() {
        assertThat(downgrade(branched(), "-1", "a")).containsExactly("a");
    }

    @Test
    void downgradeMinusOneFromNothingThrowsRelativeRevision() {
        assertThatThrownBy(() -> downgrade(branched(), "-1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision -1 didn't produce 1 migrations");
    }

    @Test
    void downgradeToACurrentRevisionOnEitherBranchDoesNothing() {
        assertThat(downgrade(branched(), "c2", "d1", "c2")).isEmpty();
        assertThat(downgrade(branched(), "d1", "d1", "c2")).isEmpty();
    }

    // ---------------------------------------------------------------- BranchedPathTestCrossDependencies

    /** As above, but d2 also depends on c1. */
    private static RevisionGraph crossDependent() {
        return graph("a", "b<-a", "c1<-b @c1branch", "d1<-c1", "c2<-b @c2branch", "d2<-c2 ~c1");
    }

    @Test
    void downgradeTheDependentBranchAlone() {
        assertThat(downgrade(crossDependent(), "c2branch@b", "d1", "d2")).containsExactly("d2", "c2");
    }

    @Test
    void downgradeTheDependencyBranchTakesTheDependentDownFirst() {
        List<String> plan = downgrade(crossDependent(), "c1branch@b", "d1", "d2");
        // Alembic asserts the set and that d1 and d2 both come before c1 (its ids are random, so its load order
        // varies); with this load order Alembic gives exactly d1, d2, c1.
        assertThat(plan).containsExactlyInAnyOrder("c1", "d1", "d2");
        assertThat(plan.indexOf("d1")).isLessThan(plan.indexOf("c1"));
        assertThat(plan.indexOf("d2")).isLessThan(plan.indexOf("c1"));
        assertThat(plan).containsExactly("d1", "d2", "c1");
    }
}
