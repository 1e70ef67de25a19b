package dev.retort.graph;

import static dev.retort.graph.GraphDsl.downgrade;
import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_version_traversal.py} {@code MergedPathTest} and {@code ForestTest}: stamping and moving
 * across a mergepoint, and two unrelated trees.
 */
class MergedPathTests {

    /** a → b, branching to c1 → d1 and c2 (labelled c2branch) → d2, merged by e, then f. */
    private static RevisionGraph merged() {
        return graph("a", "b<-a", "c1<-b", "d1<-c1", "c2<-b @c2branch", "d2<-c2", "e<-d1,d2", "f<-e");
    }

    @Test
    void stampDownAcrossTheMergepointToOneBranch() {
        assertThat(merged().stampPlan(List.of("c2"), List.of("e")))
                .containsExactly(new StampMove(List.of("e"), List.of("c2"), false, false));
    }

    @Test
    void stampDownAcrossTheMergepointToBeforeTheBranchpoint() {
        assertThat(merged().stampPlan(List.of("a"), List.of("e")))
                .containsExactly(new StampMove(List.of("e"), List.of("a"), false, false));
    }

    @Test
    void stampUpAcrossTheMergepointFromOneBranch() {
        assertThat(merged().stampPlan(List.of("e"), List.of("c2")))
                .containsExactly(new StampMove(List.of("c2"), List.of("e"), true, false));
    }

    @Test
    void stampLabelledHeadAcrossTheMergepointFromBothBranches() {
        // filter_for_lineage keeps d1 too: f, the c2branch head, is also d1's head.
        assertThat(merged().stampPlan(List.of("c2branch@head"), List.of("d1", "c2")))
                .containsExactly(new StampMove(List.of("d1", "c2"), List.of("f"), true, false));
    }

    @Test
    void stampUpAcrossTheMergepointFromBothBranches() {
        assertThat(merged().stampPlan(List.of("e"), List.of("d1", "c2")))
                .containsExactly(new StampMove(List.of("d1", "c2"), List.of("e"), true, false));
    }

    @Test
    void stampUpAcrossTheMergepointFromBeforeTheBranchpoint() {
        assertThat(merged().stampPlan(List.of("e"), List.of("b")))
                .containsExactly(new StampMove(List.of("b"), List.of("e"), true, false));
    }

    @Test
    void upgradeAcrossTheMergepointRunsTheLaterLoadedBranchFirst() {
        assertThat(upgrade(merged(), "f", "b")).containsExactly("c2", "d2", "c1", "d1", "e", "f");
    }

    @Test
    void downgradeAcrossTheMergepointUndoesTheEarlierLoadedBranchFirst() {
        assertThat(downgrade(merged(), "b", "f")).containsExactly("f", "e", "d1", "c1", "d2", "c2");
    }

    // ---------------------------------------------------------------- ForestTest

    /** a1 → b1 and a2 → b2, unrelated. */
    private static RevisionGraph forest() {
        return graph("a1", "b1<-a1", "a2", "b2<-a2");
    }

    @Test
    void forestUpgradeFromBaseToHeadsRunsTheLaterLoadedTreeFirst() {
        assertThat(upgrade(forest(), "heads", "base")).containsExactly("a2", "b2", "a1", "b1");
        assertThat(upgrade(forest(), "heads")).containsExactly("a2", "b2", "a1", "b1");
    }

    @Test
    void forestStampToHeadsFromNothingCreatesOneBranchPerTree() {
        assertThat(forest().stampPlan(List.of("heads"), List.of())).containsExactly(
                new StampMove(List.of(), List.of("b1"), true, true),
                new StampMove(List.of(), List.of("b2"), true, true));
    }

    @Test
    void forestStampToHeadsAtTheHeadsMovesNothing() {
        assertThat(forest().stampPlan(List.of("heads"), List.of("b1", "b2"))).isEmpty();
    }

    @Test
    void forestDowngradeToBaseUndoesTheEarlierLoadedTreeFirst() {
        assertThat(downgrade(forest(), "base", "b1", "b2")).containsExactly("b1", "a1", "b2", "a2");
    }
}
