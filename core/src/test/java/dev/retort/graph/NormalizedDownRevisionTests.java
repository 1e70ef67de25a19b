package dev.retort.graph;

import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.ids;
import static dev.retort.graph.GraphDsl.iterate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.graph.GraphDsl.Walk;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_revision.py} {@code NormalizedDownRevTest} and the dependency cases of
 * {@code GraphWithLoopTest}: a dependency that an ancestor already has is dropped from the normalized down
 * revisions, and walks follow the normalized edges.
 */
class NormalizedDownRevisionTests {

    /** a1 → a2 → a3; b1 → b2 ~a3 → b3 → b4 ~a3 → b5 ~b4. */
    private static RevisionGraph normalized() {
        return graph("a1", "a2<-a1", "a3<-a2", "b1", "b2<-b1 ~a3", "b3<-b2", "b4<-b3 ~a3", "b5<-b4 ~b4");
    }

    @Test
    void dependencyAnAncestorAlreadyHasIsDropped() {
        assertThat(normalized().resolvedDependencies("b4")).containsExactly("a3");
        assertThat(normalized().normalizedDownRevisions("b4")).containsExactly("b3");
    }

    @Test
    void dependencyOnTheDownRevisionItselfIsDropped() {
        assertThat(normalized().normalizedDownRevisions("b5")).containsExactly("b4");
    }

    @Test
    void dependencyNoAncestorHasIsKept() {
        assertThat(normalized().normalizedDownRevisions("b2")).containsExactly("b1", "a3");
    }

    @Test
    void headsIncludeTheEffectiveHeadThatOnlyADependencyPointsAt() {
        assertThat(normalized().heads()).containsExactly("a3", "b5");
        assertThat(normalized().realHeads()).containsExactly("b5");
        assertThat(normalized().bases()).containsExactly("a1", "b1");
    }

    @Test
    void downgradeBranchToItsBaseStaysOnTheBranch() {
        assertThat(iterate(normalized(), "b4", "b1@base", Walk.FOR_DOWNGRADE)).containsExactly("b4", "b3", "b2", "b1");
    }

    @Test
    void downgradeEverythingTakesDependentsBeforeTheirDependency() {
        assertThat(iterate(normalized(), "heads", "base", Walk.FOR_DOWNGRADE))
                .containsExactly("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1");
    }

    @Test
    void downgradeToARevisionOnTheDependencyBranch() {
        assertThat(iterate(normalized(), "heads", "a2", Walk.FOR_DOWNGRADE))
                .containsExactly("b5", "b4", "b3", "b2", "a3", "a2");
    }

    @Test
    void downgradeToARevisionWithImplicitBase() {
        assertThat(iterate(normalized(), "heads", "a2", Walk.FOR_DOWNGRADE, Walk.IMPLICIT_BASE))
                .containsExactly("b5", "b4", "b3", "b2", "b1", "a3", "a2");
    }

    @Test
    void upgradeWithImplicitBaseBringsInTheDependencyBranch() {
        assertThat(iterate(normalized(), "b5", "b1", Walk.IMPLICIT_BASE))
                .containsExactly("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1");
    }

    @Test
    void upgradeWithImplicitBaseBringsInDependenciesOfDependencies() {
        RevisionGraph graph = graph(
                "c1", "a1", "a2<-a1 ~c1", "a3<-a2 ~c1", "b1", "b2<-b1 ~a3", "b3<-b2", "b4<-b3 ~a3", "b5<-b4");
        assertThat(iterate(graph, "b5", "b1", Walk.IMPLICIT_BASE))
                .containsExactly("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1", "c1");
        assertThat(graph.normalizedDownRevisions("a3")).containsExactly("a2");
    }

    // ---------------------------------------------------------------- GraphWithLoopTest, the valid ones

    @Test
    void revisionBothRevisingAndDependingOnAnotherWalksOnce() {
        RevisionGraph graph = graph("user_foo", "user<-user_foo ~user_foo");
        assertThat(iterate(graph, "heads", null)).containsExactly("user", "user_foo");
        assertThat(graph.heads()).containsExactly("user");
        assertThat(graph.normalizedDownRevisions("user")).containsExactly("user_foo");
    }

    @Test
    void idThatIsAPrefixOfAnotherIsNotALoop() {
        RevisionGraph graph = graph("user_foo", "user<-user_foo");
        assertThat(iterate(graph, "heads", null)).containsExactly("user", "user_foo");
        assertThat(ids(graph.walk("base", "heads"))).containsExactly("user", "user_foo");
    }

    @Test
    void idThatIsAPrefixOfADependencyIsNotALoop() {
        RevisionGraph graph = graph("user_foo", "user ~user_foo");
        assertThat(iterate(graph, "heads", null)).containsExactly("user", "user_foo");
        assertThat(graph.heads()).containsExactly("user_foo", "user");
        assertThat(graph.realHeads()).containsExactly("user");
    }
}
