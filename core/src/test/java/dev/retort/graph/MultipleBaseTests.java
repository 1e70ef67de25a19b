package dev.retort.graph;

import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.GraphDsl.Walk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_revision.py} {@code MultipleBaseTest}: three bases; base1 branches to a1a → b1a and a1b → b1b;
 * base2 → a2 → b2 → c2 → d2 and base3 → a3 → b3 merge into mergeb3d2.
 */
class MultipleBaseTests {

    private static RevisionGraph threeBases() {
        return graph(
                "base1",
                "base2",
                "base3",
                "a1a<-base1",
                "a1b<-base1",
                "a2<-base2",
                "a3<-base3",
                "b1a<-a1a",
                "b1b<-a1b",
                "b2<-a2",
                "b3<-a3",
                "c2<-b2",
                "d2<-c2",
                "mergeb3d2<-b3,d2");
    }

    private static final List<String> EVERYTHING = List.of(
            "b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2");

    @Test
    void threeBasesAreBasesInLoadOrder() {
        assertThat(threeBases().bases()).containsExactly("base1", "base2", "base3");
        assertThat(threeBases().heads()).containsExactly("b1a", "b1b", "mergeb3d2");
    }

    @Test
    void headsToBase() {
        assertThat(iterate(threeBases(), "heads", "base")).containsExactlyElementsOf(EVERYTHING);
    }

    @Test
    void headsToBaseExclusiveIsTheSame() {
        assertThat(iterate(threeBases(), "heads", "base", Walk.EXCLUSIVE)).containsExactlyElementsOf(EVERYTHING);
    }

    @Test
    void headsToNothingIsTheSame() {
        assertThat(iterate(threeBases(), "heads", null)).containsExactlyElementsOf(EVERYTHING);
    }

    @Test
    void lowerRevisionThatIsAnAncestorOfAnotherThrowsOverlaps() {
        assertThatThrownBy(() -> iterate(threeBases(), List.of("c2"), List.of("a2", "b2")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Requested revision b2 overlaps with other requested revisions a2");
    }

    @Test
    void headsToRevisionWithImplicitBaseExclusiveTakesTheOtherBranchesWhole() {
        assertThat(iterate(threeBases(), List.of("heads"), List.of("c2"), Walk.EXCLUSIVE, Walk.IMPLICIT_BASE))
                .containsExactly("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2");
    }

    @Test
    void headsToRevisionExclusiveTakesOnlyItsDescendants() {
        assertThat(iterate(threeBases(), List.of("heads"), List.of("c2"), Walk.EXCLUSIVE))
                .containsExactly("mergeb3d2", "d2");
    }

    @Test
    void headsToRevisionWithImplicitBaseInclusive() {
        assertThat(iterate(threeBases(), List.of("heads"), List.of("c2"), Walk.IMPLICIT_BASE))
                .containsExactly("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2");
    }

    @Test
    void specificPathOnOneBase() {
        assertThat(iterate(threeBases(), "b3", "base3")).containsExactly("b3", "a3", "base3");
    }

    @Test
    void twoBranchesToOneBaseWithImplicitBaseExclusive() {
        assertThat(iterate(threeBases(), List.of("b3", "b2"), "base3", Walk.EXCLUSIVE, Walk.IMPLICIT_BASE))
                .containsExactly("b2", "a2", "base2", "b3", "a3");
    }
}
