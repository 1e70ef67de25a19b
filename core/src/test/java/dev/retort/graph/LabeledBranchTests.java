package dev.retort.graph;

import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.ids;
import static dev.retort.graph.GraphDsl.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_revision.py} {@code LabeledBranchTest}: two independent branches labelled {@code abranch}
 * (a → b → somelongername → c) and {@code ebranch} (d → e → someothername → f; the label sits on e).
 */
class LabeledBranchTests {

    private static RevisionGraph labelled() {
        return graph(
                "a @abranch",
                "b<-a",
                "somelongername<-b",
                "c<-somelongername",
                "d",
                "e<-d @ebranch",
                "someothername<-e",
                "f<-someothername");
    }

    private static String one(String identifier) {
        Revision revision = labelled().resolveOne(identifier);
        return revision == null ? null : revision.id();
    }

    @Test
    void twoRevisionsDeclaringOneLabelThrowDuplicateBranchLabel() {
        assertThatThrownBy(() -> graph("a", "b<-a", "c<-b @xy1", "d", "e<-d @xy1", "f<-e"))
                .isInstanceOf(DuplicateBranchLabelException.class)
                .hasMessage("Branch name 'xy1' in revision e already used by revision c")
                .satisfies(e -> {
                    DuplicateBranchLabelException duplicate = (DuplicateBranchLabelException) e;
                    assertThat(duplicate.label()).isEqualTo("xy1");
                    assertThat(duplicate.revision()).isEqualTo("e");
                    assertThat(duplicate.usedBy()).isEqualTo("c");
                });
    }

    @Test
    void labelSpreadsUpToDescendantsAndDownToTheBase() {
        RevisionGraph graph = labelled();
        for (String id : List.of("a", "b", "somelongername", "c")) {
            assertThat(graph.branchLabels(id)).as(id).containsExactly("abranch");
        }
        for (String id : List.of("d", "e", "someothername", "f")) {
            assertThat(graph.branchLabels(id)).as(id).containsExactly("ebranch");
        }
    }

    @Test
    void labelledHeadFilterKeepsBothSidesOfAMergeBelowTheLabelledHead() {
        RevisionGraph graph = graph("a", "b<-a", "c1<-b @c1branch", "c2<-b", "d<-c1,c2");
        Resolver resolver = new Resolver(graph, warning -> { });
        List<Node> targets = List.of(graph.require("c1"), graph.require("c2"), graph.require("d"));
        assertThat(resolver.filterForLineage(targets, "c1branch@head", false)).containsExactlyElementsOf(targets);
    }

    @Test
    void headsFilterKeepsEverything() {
        RevisionGraph graph = labelled();
        Resolver resolver = new Resolver(graph, warning -> { });
        assertThat(resolver.filterForLineage(List.of(graph.require("f")), "heads", false))
                .containsExactly(graph.require("f"));
    }

    @Test
    void labelAtHeadResolvesToTheBranchHead() {
        assertThat(one("ebranch@head")).isEqualTo("f");
        assertThat(one("abranch@head")).isEqualTo("c");
    }

    @Test
    void labelAtHeadsResolvesToTheBranchHeads() {
        assertThat(one("abranch@heads")).isEqualTo("c");
        assertThat(ids(labelled().resolve("ebranch@heads"))).containsExactly("f");
    }

    @Test
    void labelAtBaseResolvesToNothing() {
        assertThat(one("abranch@base")).isNull();
        assertThat(labelled().resolve("ebranch@base")).isEmpty();
    }

    @Test
    void labelAtRevisionResolvesToThatRevision() {
        assertThat(one("ebranch@d")).isEqualTo("d");
    }

    @Test
    void labelAtItselfResolvesToTheLabelledRevision() {
        assertThat(one("ebranch@ebranch")).isEqualTo("e");
    }

    @Test
    void labelAloneResolvesToTheRevisionDeclaringIt() {
        assertThat(one("abranch")).isEqualTo("a");
        assertThat(one("ebranch")).isEqualTo("e");
    }

    @Test
    void labelAtMinusOneResolvesToOneBelowTheBranchHead() {
        assertThat(ids(labelled().resolve("abranch@-1"))).containsExactly("somelongername");
        assertThat(ids(labelled().resolve("ebranch@-1"))).containsExactly("someothername");
    }

    @Test
    void minusOneResolvesToOneBelowEachHead() {
        assertThat(ids(labelled().resolve("-1"))).containsExactly("somelongername", "someothername");
    }

    @Test
    void partialIdIsResolvedWithinTheBranch() {
        assertThat(one("ebranch@some")).isEqualTo("someothername");
        assertThat(one("abranch@some")).isEqualTo("somelongername");
    }

    @Test
    void partialIdUnderFourCharactersThrowsWithTheHint() {
        assertThatThrownBy(() -> one("ebranch@sos"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch 'sos'; please ensure at least four characters are present"
                        + " for partial revision identifier matches")
                .satisfies(e -> assertThat(((ResolutionException) e).argument()).isEqualTo("sos"));
    }

    @Test
    void shortIdThatExistsExactlyResolves() {
        assertThat(one("e")).isEqualTo("e");
    }

    @Test
    void revisionOutsideTheLabelledBranchThrows() {
        assertThatThrownBy(() -> one("ebranch@b"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Revision b is not a member of branch 'ebranch'");
        assertThatThrownBy(() -> one("abranch@d"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Revision d is not a member of branch 'abranch'");
    }

    @Test
    void unknownRevisionInABranchThrowsNoSuchRevision() {
        assertThatThrownBy(() -> one("abranch@qprstuv"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch 'qprstuv'");
        assertThatThrownBy(() -> one("abranch@qpr"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch 'qpr'; please ensure at least four characters are present"
                        + " for partial revision identifier matches");
    }

    @Test
    void revisionUsedAsBranchQualifiesByItsLineage() {
        assertThat(one("e@d")).isEqualTo("d");
    }

    @Test
    void partialRevisionUsedAsBranchQualifiesByItsLineage() {
        assertThat(one("someoth@d")).isEqualTo("d");
    }

    @Test
    void unknownBranchThrowsNoSuchBranch() {
        assertThatThrownBy(() -> one("x@d"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such branch: 'x'")
                .satisfies(e -> assertThat(((ResolutionException) e).argument()).isEqualTo("x"));
    }

    @Test
    void iterateHeadsToLabelledBaseStaysOnThatBranch() {
        assertThat(iterate(labelled(), "heads", "ebranch@base")).containsExactly("f", "someothername", "e", "d");
        assertThat(iterate(labelled(), "heads", "abranch@base")).containsExactly("c", "somelongername", "b", "a");
    }

    @Test
    void iterateLabelledHeadToBaseStaysOnThatBranch() {
        assertThat(iterate(labelled(), "ebranch@head", "base")).containsExactly("f", "someothername", "e", "d");
        assertThat(iterate(labelled(), "abranch@head", "base")).containsExactly("c", "somelongername", "b", "a");
    }

    @Test
    void iterateHeadsToLabelledHeadIsTheHeadAlone() {
        assertThat(iterate(labelled(), "heads", "ebranch@head")).containsExactly("f");
    }

    @Test
    void iterateHeadsToLabelledRevision() {
        assertThat(iterate(labelled(), "heads", "ebranch@d")).containsExactly("f", "someothername", "e", "d");
    }

    @Test
    void iterateHeadsToRevisionAtBaseStaysOnThatRevisionsBranch() {
        assertThat(iterate(labelled(), "heads", "e@base")).containsExactly("f", "someothername", "e", "d");
        assertThat(iterate(labelled(), "heads", "c@base")).containsExactly("c", "somelongername", "b", "a");
    }

    @Test
    void iterateHeadsToLabelMinusTwo() {
        assertThat(iterate(labelled(), "heads", "ebranch@-2")).containsExactly("f", "someothername", "e");
    }

    @Test
    void iterateLabelPlusTwoToBaseCountsFromTheBranchBase() {
        // Alembic's test_branch_w_up_relative: ebranch@+2 is two steps up from base along the branch, which is e.
        assertThat(iterate(labelled(), "ebranch@+2", "base")).containsExactly("e", "d");
    }

    @Test
    void walkWholeHistoryListsBranchesInLoadOrder() {
        assertThat(ids(labelled().walk("base", "heads")))
                .containsExactly("c", "somelongername", "b", "a", "f", "someothername", "e", "d");
    }
}
