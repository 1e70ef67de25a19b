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
 * Alembic's {@code test_revision.py} walks over small shapes: {@code DiamondTest}, {@code EmptyMapTest},
 * {@code LongShortBranchTest}, {@code MultipleBranchTest} and {@code MultipleBranchEffectiveHead}. Each list is
 * {@code iterate_revisions(upper, lower)}, newest first.
 */
class IterationTests {

    // ---------------------------------------------------------------- DiamondTest

    @Test
    void diamondIteratesBothSidesBeforeTheirBranchpoint() {
        RevisionGraph diamond = graph("a", "b1<-a", "b2<-a", "c<-b1,b2", "d<-c");
        assertThat(iterate(diamond, "d", "a")).containsExactly("d", "c", "b1", "b2", "a");
        assertThat(ids(diamond.walk("a", "d"))).containsExactly("d", "c", "b1", "b2", "a");
    }

    // ---------------------------------------------------------------- EmptyMapTest

    @Test
    void emptyGraphIteratesNothingFromHeadToBase() {
        RevisionGraph empty = graph();
        assertThat(iterate(empty, "head", "base")).isEmpty();
        assertThat(empty.walk("base", "heads")).isEmpty();
        assertThat(empty.heads()).isEmpty();
        assertThat(empty.bases()).isEmpty();
    }

    // ---------------------------------------------------------------- LongShortBranchTest

    @Test
    void shortBranchComesBeforeTheLongOneAndBothEndAtTheirBranchpoint() {
        RevisionGraph graph = graph("a", "b1<-a", "b2<-a", "c1<-b1", "d11<-c1", "d12<-c1");
        assertThat(iterate(graph, "heads", "base")).containsExactly("b2", "d11", "d12", "c1", "b1", "a");
    }

    // ---------------------------------------------------------------- MultipleBranchTest

    private static RevisionGraph multipleBranches() {
        return graph(
                "a",
                "b1<-a",
                "b2<-a",
                "cb1<-b1",
                "cb2<-b2",
                "d1cb1<-cb1",
                "d2cb1<-cb1",
                "d1cb2<-cb2",
                "d2cb2<-cb2",
                "d3cb2<-cb2",
                "d1d2cb2<-d1cb2,d2cb2");
    }

    @Test
    void multipleBranchesHaveFourHeads() {
        assertThat(multipleBranches().heads()).containsExactly("d1cb1", "d2cb1", "d3cb2", "d1d2cb2");
        assertThat(multipleBranches().isMergePoint("d1d2cb2")).isTrue();
        assertThat(multipleBranches().isBranchPoint("cb2")).isTrue();
        assertThat(multipleBranches().children("cb2")).containsExactly("d1cb2", "d2cb2", "d3cb2");
    }

    @Test
    void iterateFromMergepointVisitsBothParentsBeforeTheirBranchpoint() {
        assertThat(iterate(multipleBranches(), "d1d2cb2", "a"))
                .containsExactly("d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a");
    }

    @Test
    void iterateFromTwoHeads() {
        assertThat(iterate(multipleBranches(), List.of("d2cb2", "d3cb2"), "a"))
                .containsExactly("d2cb2", "d3cb2", "cb2", "b2", "a");
    }

    @Test
    void iterateOneBranch() {
        assertThat(iterate(multipleBranches(), "d3cb2", "a")).containsExactly("d3cb2", "cb2", "b2", "a");
    }

    @Test
    void iterateOneBranchToBase() {
        assertThat(iterate(multipleBranches(), "d3cb2", "base")).containsExactly("d3cb2", "cb2", "b2", "a");
    }

    @Test
    void iterateTwoBranchesToBaseTakesTheEarlierLoadedFirst() {
        assertThat(iterate(multipleBranches(), List.of("d3cb2", "cb1"), "base"))
                .containsExactly("cb1", "b1", "d3cb2", "cb2", "b2", "a");
    }

    @Test
    void iterateFromHeadsOmitsTheHeadThatIsNotADescendantOfTheLowerEnd() {
        assertThat(iterate(multipleBranches(), List.of("d1cb1", "d2cb2", "d3cb2"), "b2"))
                .containsExactly("d2cb2", "d3cb2", "cb2", "b2");
    }

    @Test
    void iterateFromAncestorToDescendantThrowsRangeNotAncestor() {
        assertThatThrownBy(() -> iterate(multipleBranches(), "b1", "d1cb1"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision d1cb1 is not an ancestor of revision b1");
    }

    @Test
    void iterateBetweenDistinctBranchesThrowsRangeNotAncestor() {
        assertThatThrownBy(() -> iterate(multipleBranches(), "d2cb2", "b1"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision b1 is not an ancestor of revision d2cb2");
    }

    @Test
    void iterateFromBaseUpToARevisionThrowsRangeNotAncestorNamingBase() {
        assertThatThrownBy(() -> iterate(multipleBranches(), List.of(), "d1cb1"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision d1cb1 is not an ancestor of revision base");
    }

    @Test
    void walkFromADescendantToItsAncestorThrowsRangeNotAncestor() {
        assertThatThrownBy(() -> multipleBranches().walk("d1cb1", "b1"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision d1cb1 is not an ancestor of revision b1");
    }

    // ---------------------------------------------------------------- MultipleBranchEffectiveHead

    /** y2 depends on x1, so x1 is an effective head of branch x but not a real head. */
    private static RevisionGraph effectiveHead() {
        return graph("y1 @y", "x1 @x", "y2<-y1 ~x1", "x2<-x1");
    }

    @Test
    void effectiveHeadIsAHeadButNotARealHead() {
        RevisionGraph graph = graph("y1 @y", "x1 @x", "y2<-y1 ~x1");
        assertThat(graph.heads()).containsExactly("x1", "y2");
        assertThat(graph.realHeads()).containsExactly("y2");
        assertThat(graph.isHead("x1")).isTrue();
        assertThat(graph.isRealHead("x1")).isFalse();
    }

    @Test
    void downgradeOtherBranchOneStepTouchesOnlyIt() {
        assertThat(iterate(effectiveHead(), List.of("x2", "y2"), "x@-1", Walk.EXCLUSIVE, Walk.FOR_DOWNGRADE))
                .containsExactly("x2");
        assertThat(GraphDsl.downgrade(effectiveHead(), "x@-1", "x2", "y2")).containsExactly("x2");
    }

    @Test
    void downgradeBranchOneStepFromItsEffectiveHeadAlsoUndoesTheDependent() {
        assertThat(iterate(effectiveHead(), List.of("x1", "y2"), "x@-1", Walk.EXCLUSIVE, Walk.FOR_DOWNGRADE))
                .containsExactly("y2", "x1");
    }

    @Test
    void downgradeBranchOneStepWhenOnlyADependentIsCurrent() {
        assertThat(iterate(effectiveHead(), "y2", "x@-1", Walk.EXCLUSIVE, Walk.FOR_DOWNGRADE))
                .containsExactly("y2", "x1");
        assertThat(GraphDsl.downgrade(effectiveHead(), "x@-1", "y2")).containsExactly("y2", "x1");
    }
}
