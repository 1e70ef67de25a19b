package dev.retort.graph;

import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.ids;
import static dev.retort.graph.GraphDsl.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.GraphDsl.Walk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_revision.py} {@code BranchTravellingTest}: depth-first along branches, but every branch ends
 * at its branchpoint before the walk goes below it. The shape: a1 → a2 → a3, which branches to b1 → cb1 → db1 and
 * b2 → cb2 → db2; db1 branches again to e1b1 → fe1b1 and e2b1; e2b1 and e2b2 (after db2) merge into {@code merge}.
 */
class BranchTravellingTests {

    private static RevisionGraph travelling() {
        return graph(
                "a1",
                "a2<-a1",
                "a3<-a2",
                "b1<-a3",
                "b2<-a3",
                "cb1<-b1",
                "cb2<-b2",
                "db1<-cb1",
                "db2<-cb2",
                "e1b1<-db1",
                "fe1b1<-e1b1",
                "e2b1<-db1",
                "e2b2<-db2",
                "merge<-e2b1,e2b2");
    }

    @Test
    void implicitBaseFillsInTheOtherSideOfAMergepoint() {
        assertThat(iterate(travelling(), "merge", "db1", Walk.IMPLICIT_BASE))
                .containsExactly("merge", "e2b1", "db1", "e2b2", "db2", "cb2", "b2");
    }

    @Test
    void threeBranchesEndInTheirCommonBranchpoint() {
        assertThat(iterate(travelling(), List.of("merge", "fe1b1"), "a3")).containsExactly(
                "fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3");
    }

    @Test
    void twoBranchesToRootStopAtTheirBranchpointFirst() {
        assertThat(iterate(travelling(), "merge", "a1")).containsExactly(
                "merge",
                "e2b1", "db1", "cb1", "b1",
                "e2b2", "db2", "cb2", "b2",
                "a3",
                "a2", "a1");
    }

    @Test
    void twoBranchesEndingInOneBranchGiveThatBranchAlone() {
        assertThat(iterate(travelling(), "merge", "b1")).containsExactly("merge", "e2b1", "db1", "cb1", "b1");
    }

    @Test
    void twoBranchesEndBehindTheirBranchpoint() {
        assertThat(iterate(travelling(), "merge", "a2")).containsExactly(
                "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2");
    }

    @Test
    void threeBranchesToRootStopAtBothBranchpoints() {
        assertThat(iterate(travelling(), List.of("merge", "fe1b1"), "a1")).containsExactly(
                "fe1b1", "e1b1",
                "merge", "e2b1",
                "db1", "cb1", "b1",
                "e2b2", "db2", "cb2", "b2",
                "a3", "a2", "a1");
    }

    @Test
    void threeBranchesEndAtTwoLowerRevisions() {
        assertThat(iterate(travelling(), List.of("merge", "fe1b1"), List.of("cb1", "cb2"))).containsExactly(
                "fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "e2b2", "db2", "cb2");
    }

    @Test
    void threeBranchesEndAtTwoLowerRevisionsExclusive() {
        assertThat(iterate(travelling(), List.of("merge", "fe1b1"), List.of("cb1", "cb2"), Walk.EXCLUSIVE))
                .containsExactly("fe1b1", "e1b1", "merge", "e2b1", "db1", "e2b2", "db2");
    }

    @Test
    void upperRevisionThatIsAnAncestorOfAnotherThrowsOverlaps() {
        assertThatThrownBy(() -> iterate(travelling(), List.of("db1", "b2", "fe1b1"), List.of()))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Requested revision fe1b1 overlaps with other requested revisions db1");
    }

    @Test
    void threeUnrelatedUpperRevisionsToNothingExclusive() {
        assertThat(iterate(travelling(), List.of("e2b1", "b2", "fe1b1"), List.of(), Walk.EXCLUSIVE))
                .containsExactly("b2", "fe1b1", "e1b1", "e2b1", "db1", "cb1", "b1", "a3", "a2", "a1");
    }

    @Test
    void iterateToSymbolicBaseExclusiveStillReachesTheBase() {
        assertThat(iterate(travelling(), "fe1b1", "base", Walk.EXCLUSIVE))
                .containsExactly("fe1b1", "e1b1", "db1", "cb1", "b1", "a3", "a2", "a1");
    }

    @Test
    void ancestorsOfTheMergeAreBothSidesAndTheTrunk() {
        assertThat(travelling().ancestorIds(List.of("merge"), true)).containsExactlyInAnyOrder(
                "a1", "e2b2", "e2b1", "cb2", "merge", "a3", "a2", "b1", "b2", "db1", "db2", "cb1");
    }

    @Test
    void walkWholeHistoryIsTheIterationFromHeadsToBase() {
        assertThat(ids(travelling().walk("base", "heads"))).containsExactly(
                "fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1");
    }
}
