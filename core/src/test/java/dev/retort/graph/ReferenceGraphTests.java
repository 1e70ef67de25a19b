package dev.retort.graph;

import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graph that ../shared/reference/alembic.md observed Alembic on: base 1975 -> ae10, which branches to 27c6 and
 * 3cac, merged by 53ff; 55af depends on the audit root 29f8; 7b3f depends on the audit head 9a8c. Files load in
 * name order, which puts 1975 first and the audit root last among the bases' files here as in the experiment.
 */
class ReferenceGraphTests {

    static RevisionGraph reference() {
        return graph(
                "1975ea83b712",
                "27c6a30d7c24<-ae1027a6acf0",
                "29f859a13ea @audit",
                "3cac04ae8714<-ae1027a6acf0",
                "53fffde5ad5d<-3cac04ae8714,27c6a30d7c24",
                "55af2cb1c267<-53fffde5ad5d ~29f859a13ea",
                "7b3f1c2d9e10<-55af2cb1c267 ~9a8c79bb4e1e",
                "9a8c79bb4e1e<-29f859a13ea",
                "ae1027a6acf0<-1975ea83b712");
    }

    @Test
    void historyOrderMatchesAlembic() {
        assertThat(ids(reference().walk("base", "heads"))).containsExactly(
                "7b3f1c2d9e10", "55af2cb1c267", "53fffde5ad5d", "3cac04ae8714", "27c6a30d7c24", "9a8c79bb4e1e",
                "ae1027a6acf0", "1975ea83b712", "29f859a13ea");
    }

    @Test
    void headsIncludeEffectiveHeadsButHeadsTargetDoesNot() {
        RevisionGraph graph = reference();
        assertThat(graph.heads()).containsExactly("7b3f1c2d9e10", "9a8c79bb4e1e");
        assertThat(graph.realHeads()).containsExactly("7b3f1c2d9e10");
        assertThat(ids(graph.resolve("heads"))).containsExactly("7b3f1c2d9e10");
    }

    @Test
    void labelPropagatesToDescendants() {
        assertThat(reference().branchLabels("9a8c79bb4e1e")).containsExactly("audit");
        assertThat(reference().branchLabels("1975ea83b712")).isEmpty();
    }

    @Test
    void partialUpgradePullsInDependencyButNotItsSiblings() {
        assertThat(ids(reference().upgradePlan(List.of(), "55af"))).containsExactly("1975ea83b712",
                "ae1027a6acf0", "29f859a13ea", "27c6a30d7c24", "3cac04ae8714", "53fffde5ad5d", "55af2cb1c267");
    }
}
