package dev.retort.graph;

import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.ids;
import static dev.retort.graph.GraphDsl.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.GraphDsl.Walk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alembic's {@code test_revision.py} {@code APITest}: heads, {@code get_revision} and {@code get_revisions}. */
class RevisionMapApiTests {

    private static RevisionGraph chain() {
        return graph("a", "b<-a", "c<-b");
    }

    private static RevisionGraph twoHeads() {
        return graph("a", "b<-a", "c1<-b", "c2<-b");
    }

    @Test
    void headsOfAChainIsItsLastRevision() {
        assertThat(chain().heads()).containsExactly("c");
    }

    @Test
    void headsOfABranchedGraphAreItsTipsInLoadOrder() {
        assertThat(twoHeads().heads()).containsExactly("c1", "c2");
    }

    @Test
    void resolveOneHeadWithOneHeadReturnsIt() {
        assertThat(chain().resolveOne("head").id()).isEqualTo("c");
    }

    @Test
    void resolveOneBaseReturnsNull() {
        assertThat(chain().resolveOne("base")).isNull();
    }

    @Test
    void resolveOneBaseWithTwoBasesReturnsNull() {
        assertThat(graph("a", "b<-a", "c", "d<-c").resolveOne("base")).isNull();
    }

    @Test
    void resolveOneHeadWithTwoHeadsThrowsMultipleHeads() {
        assertThatThrownBy(() -> twoHeads().resolveOne("head"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'head'; c1, c2");
    }

    @Test
    void resolveOneHeadsWithTwoHeadsThrowsMultipleHeads() {
        assertThatThrownBy(() -> twoHeads().resolveOne("heads"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'heads'; c1, c2");
    }

    @Test
    void resolveHeadWithTwoHeadsThrowsMultipleHeads() {
        assertThatThrownBy(() -> twoHeads().resolve("head"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'head'; c1, c2")
                .satisfies(e -> {
                    MultipleHeadsException multiple = (MultipleHeadsException) e;
                    assertThat(multiple.heads()).containsExactly("c1", "c2");
                    assertThat(multiple.argument()).isEqualTo("head");
                });
    }

    @Test
    void resolveHeadsWithTwoHeadsReturnsBoth() {
        assertThat(ids(twoHeads().resolve("heads"))).containsExactly("c1", "c2");
    }

    @Test
    void resolveBaseReturnsNothing() {
        assertThat(twoHeads().resolve("base")).isEmpty();
    }

    @Test
    void iterateToleratesTheSameTargetTwice() {
        assertThat(iterate(chain(), List.of("c", "c"), "a", Walk.EXCLUSIVE)).containsExactly("c", "b");
    }
}
