package dev.retort.graph;

import static dev.retort.graph.GraphDsl.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.CycleDetectedException.Kind;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_revision.py} {@code GraphWithLoopTest} and {@code GraphWithCycleTest}, the illegal
 * identifier check of {@code Revision.verify_rev_id}, and Retort's own checks (duplicates and dangling references
 * are errors here; Alembic only warns).
 */
class InvalidGraphTests {

    // ---------------------------------------------------------------- self-loops

    @Test
    void revisionRevisingItselfThrowsSelfLoop() {
        assertThatThrownBy(() -> graph("a<-a"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Self-loop is detected in revisions (a)")
                .satisfies(e -> {
                    CycleDetectedException cycle = (CycleDetectedException) e;
                    assertThat(cycle.kind()).isEqualTo(Kind.SELF_LOOP);
                    assertThat(cycle.revisions()).containsExactly("a");
                });
    }

    @Test
    void selfLoopAtTheBaseOfAChainThrowsSelfLoop() {
        assertThatThrownBy(() -> graph("a<-a", "b<-a", "c<-b"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Self-loop is detected in revisions (a)");
    }

    @Test
    void selfLoopAtTheHeadOfAChainThrowsSelfLoop() {
        assertThatThrownBy(() -> graph("a", "b<-a", "c<-b,c"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Self-loop is detected in revisions (c)");
    }

    @Test
    void selfLoopAtABranchpointThrowsSelfLoop() {
        assertThatThrownBy(() -> graph("a", "b<-a,b", "c1<-b", "c2<-b"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Self-loop is detected in revisions (b)");
    }

    @Test
    void selfLoopAtAMergepointThrowsSelfLoop() {
        assertThatThrownBy(() -> graph("a", "b1<-a", "b2<-a", "c<-b1,b2,c"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Self-loop is detected in revisions (c)");
    }

    @Test
    void revisionDependingOnItselfThrowsDependencySelfLoop() {
        assertThatThrownBy(() -> graph("a ~a"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency self-loop is detected in revisions (a)")
                .satisfies(e -> assertThat(((CycleDetectedException) e).kind()).isEqualTo(Kind.DEPENDENCY_SELF_LOOP));
    }

    @Test
    void dependencySelfLoopAtTheBaseThrows() {
        assertThatThrownBy(() -> graph("a ~a", "b<-a", "c<-b"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency self-loop is detected in revisions (a)");
    }

    @Test
    void dependencySelfLoopAtTheHeadThrows() {
        assertThatThrownBy(() -> graph("a", "b<-a", "c<-b ~c"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency self-loop is detected in revisions (c)");
    }

    @Test
    void dependencySelfLoopAtABranchpointThrows() {
        assertThatThrownBy(() -> graph("a", "b<-a ~b", "c1<-b", "c2<-b"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency self-loop is detected in revisions (b)");
    }

    @Test
    void dependencySelfLoopAtAMergepointThrows() {
        assertThatThrownBy(() -> graph("a", "b1<-a", "b2<-a", "c<-b1,b2 ~c"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency self-loop is detected in revisions (c)");
    }

    // ---------------------------------------------------------------- cycles

    @Test
    void cycleWithoutABaseNamesEveryRevision() {
        assertThatThrownBy(() -> graph("a<-c", "b<-a", "c<-b"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Cycle is detected in revisions (a, b, c)")
                .satisfies(e -> {
                    CycleDetectedException cycle = (CycleDetectedException) e;
                    assertThat(cycle.kind()).isEqualTo(Kind.CYCLE);
                    assertThat(cycle.revisions()).containsExactly("a", "b", "c");
                });
    }

    @Test
    void cycleBesideAValidBranchNamesTheRevisionsOnIt() {
        assertThatThrownBy(() -> graph("a<-c", "b<-a", "c<-b", "d", "e<-d"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Cycle is detected in revisions (a, b, c)");
    }

    @Test
    void cycleBelowAChainNamesEveryRevision() {
        assertThatThrownBy(() -> graph("a<-c", "b<-a", "c<-b", "d<-c", "e<-d"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Cycle is detected in revisions (a, b, c, d, e)");
    }

    @Test
    void cycleAboveAChainNamesEveryRevision() {
        assertThatThrownBy(() -> graph("a", "b<-a", "c<-b,e", "d<-c", "e<-d"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Cycle is detected in revisions (a, b, c, d, e)");
    }

    @Test
    void cycleOfTwoNamesBoth() {
        assertThatThrownBy(() -> graph("a<-b", "b<-a"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Cycle is detected in revisions (a, b)");
    }

    @Test
    void cycleRevisionsAreSortedWhateverTheLoadOrder() {
        assertThatThrownBy(() -> graph("c<-b", "b<-a", "a<-c", "d", "e<-d"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Cycle is detected in revisions (a, b, c)");
    }

    @Test
    void dependencyCycleWithoutARealBaseNamesEveryRevision() {
        assertThatThrownBy(() -> graph("a ~c", "b<-a", "c<-b"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency cycle is detected in revisions (a, b, c)")
                .satisfies(e -> assertThat(((CycleDetectedException) e).kind()).isEqualTo(Kind.DEPENDENCY_CYCLE));
    }

    @Test
    void dependencyCycleBesideAValidBranchNamesTheRevisionsOnIt() {
        assertThatThrownBy(() -> graph("a ~c", "b<-a", "c<-b", "d", "e<-d"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency cycle is detected in revisions (a, b, c)");
    }

    @Test
    void dependencyCycleBelowAChainNamesEveryRevision() {
        assertThatThrownBy(() -> graph("a ~c", "b<-a", "c<-b", "d<-c", "e<-d"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency cycle is detected in revisions (a, b, c, d, e)");
    }

    @Test
    void dependencyCycleAboveAChainNamesEveryRevision() {
        assertThatThrownBy(() -> graph("a", "b<-a", "c<-b ~e", "d<-c", "e<-d"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency cycle is detected in revisions (a, b, c, d, e)");
    }

    // ---------------------------------------------------------------- labels and ids

    @Test
    void labelDeclaredTwiceThrowsDuplicateBranchLabel() {
        assertThatThrownBy(() -> graph("a @x", "b<-a @x"))
                .isInstanceOf(DuplicateBranchLabelException.class)
                .hasMessage("Branch name 'x' in revision b already used by revision a");
    }

    @Test
    void labelEqualToARevisionIdThrowsDuplicateBranchLabel() {
        assertThatThrownBy(() -> graph("a", "b<-a @a"))
                .isInstanceOf(DuplicateBranchLabelException.class)
                .hasMessage("Branch name 'a' in revision b already used by revision a");
    }

    @Test
    void dashInARevisionIdThrowsIllegalRevisionId() {
        assertThatThrownBy(() -> graph("a-b"))
                .isInstanceOf(IllegalRevisionIdException.class)
                .hasMessage("Character(s) '-' not allowed in revision identifier 'a-b'")
                .satisfies(e -> assertThat(((IllegalRevisionIdException) e).id()).isEqualTo("a-b"));
    }

    @Test
    void everyIllegalCharacterIsListedSorted() {
        assertThatThrownBy(() -> Revision.verifyId("a@b:c+"))
                .isInstanceOf(IllegalRevisionIdException.class)
                .hasMessage("Character(s) '+, :, @' not allowed in revision identifier 'a@b:c+'");
    }

    @Test
    void underscoresAndDigitsAreAllowedInIds() {
        Revision.verifyId("1975ea83b712_add_table");
        assertThat(graph("1975ea83b712_add_table").heads()).containsExactly("1975ea83b712_add_table");
    }

    // ---------------------------------------------------------------- Retort's stricter checks

    @Test
    void revisionPresentTwiceThrowsDuplicateRevision() {
        assertThatThrownBy(() -> graph("a", "b<-a", "a"))
                .isInstanceOf(DuplicateRevisionException.class)
                .hasMessage("Revision a is present more than once");
    }

    @Test
    void missingDownRevisionThrowsMissingRevision() {
        assertThatThrownBy(() -> graph("a", "b<-x"))
                .isInstanceOf(MissingRevisionException.class)
                .hasMessage("Revision x referenced from b is not present")
                .satisfies(e -> {
                    MissingRevisionException missing = (MissingRevisionException) e;
                    assertThat(missing.revision()).isEqualTo("b");
                    assertThat(missing.referenced()).isEqualTo("x");
                    assertThat(missing.dependency()).isFalse();
                });
    }

    @Test
    void missingDependencyThrowsMissingRevision() {
        assertThatThrownBy(() -> graph("a", "b<-a ~nolabel"))
                .isInstanceOf(MissingRevisionException.class)
                .hasMessage("Revision nolabel referenced from b is not present")
                .satisfies(e -> assertThat(((MissingRevisionException) e).dependency()).isTrue());
    }

    @Test
    void cycleHangingOffABaseAndLeadingToAHeadIsDetectedThoughAlembicMissesIt() {
        assertThatThrownBy(() -> graph("x", "a<-x,c", "b<-a", "c<-b", "y<-c"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Cycle is detected in revisions (a, b, c)");
    }

    @Test
    void dependencyCycleHangingOffABaseIsDetected() {
        assertThatThrownBy(() -> graph("x", "a<-x ~c", "b<-a", "c<-b", "y<-c"))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency cycle is detected in revisions (a, b, c)");
    }
}
