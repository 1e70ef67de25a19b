package dev.retort.graph;

import static dev.retort.graph.GraphDsl.downgrade;
import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.ids;
import static dev.retort.graph.GraphDsl.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shapes a history takes, each with its structure, resolution and plans. Every expected order here was checked
 * against Alembic 1.20's {@code RevisionMap} loaded in the same order.
 */
class GraphShapesTests {

    // ---------------------------------------------------------------- linear chain

    private static RevisionGraph linear() {
        return graph("a", "b<-a", "c<-b", "d<-c");
    }

    @Test
    void linearChainHasOneHeadAndOneBase() {
        RevisionGraph graph = linear();
        assertThat(graph.heads()).containsExactly("d");
        assertThat(graph.realHeads()).containsExactly("d");
        assertThat(graph.bases()).containsExactly("a");
        assertThat(graph.resolveOne("head").id()).isEqualTo("d");
        assertThat(graph.children("b")).containsExactly("c");
        assertThat(graph.isBranchPoint("b")).isFalse();
        assertThat(graph.isMergePoint("b")).isFalse();
    }

    @Test
    void linearChainUpgradesParentsFirstAndDowngradesChildrenFirst() {
        assertThat(upgrade(linear(), "heads")).containsExactly("a", "b", "c", "d");
        assertThat(upgrade(linear(), "head", "b")).containsExactly("c", "d");
        assertThat(downgrade(linear(), "base", "d")).containsExactly("d", "c", "b", "a");
        assertThat(ids(linear().walk("base", "heads"))).containsExactly("d", "c", "b", "a");
    }

    @Test
    void linearChainRelativeSteps() {
        assertThat(upgrade(linear(), "+2", "b")).containsExactly("c", "d");
        assertThat(downgrade(linear(), "-2", "d")).containsExactly("d", "c");
        assertThat(downgrade(linear(), "-1", "a")).containsExactly("a");
        assertThat(ids(linear().resolve("-1"))).containsExactly("c");
    }

    @Test
    void linearChainStamps() {
        RevisionGraph graph = linear();
        assertThat(graph.stampPlan(List.of("c"), List.of("a")))
                .containsExactly(new StampMove(List.of("a"), List.of("c"), true, false));
        assertThat(graph.stampPlan(List.of("a"), List.of("c")))
                .containsExactly(new StampMove(List.of("c"), List.of("a"), false, false));
        assertThat(graph.stampPlan(List.of("base"), List.of("c")))
                .containsExactly(new StampMove(List.of("c"), List.of(), false, true));
        assertThat(graph.stampPlan(List.of("d"), List.of()))
                .containsExactly(new StampMove(List.of(), List.of("d"), true, true));
        assertThat(graph.stampPlan(List.of("d"), List.of("d"))).isEmpty();
    }

    // ---------------------------------------------------------------- merges

    /** a → b, branching to c1 and c2, merged by m, then n. */
    private static RevisionGraph mergeOfTwo() {
        return graph("a", "b<-a", "c1<-b", "c2<-b", "m<-c1,c2", "n<-m");
    }

    @Test
    void mergeOfTwoHasOneHead() {
        RevisionGraph graph = mergeOfTwo();
        assertThat(graph.heads()).containsExactly("n");
        assertThat(graph.isMergePoint("m")).isTrue();
        assertThat(graph.isBranchPoint("b")).isTrue();
        assertThat(graph.children("b")).containsExactly("c1", "c2");
        assertThat(graph.get("m").downRevisions()).containsExactly("c1", "c2");
    }

    @Test
    void mergeOfTwoUpgradesTheLaterParentFirst() {
        assertThat(upgrade(mergeOfTwo(), "heads")).containsExactly("a", "b", "c2", "c1", "m", "n");
        assertThat(upgrade(mergeOfTwo(), "m", "c1")).containsExactly("c2", "m");
        assertThat(upgrade(mergeOfTwo(), "c1+1", "b")).containsExactly("c2", "c1", "m");
    }

    @Test
    void mergeOfTwoDowngradesBothSidesBeforeTheBranchpoint() {
        assertThat(downgrade(mergeOfTwo(), "base", "n")).containsExactly("n", "m", "c1", "c2", "b", "a");
        assertThat(downgrade(mergeOfTwo(), "b", "n")).containsExactly("n", "m", "c1", "c2");
    }

    @Test
    void mergeOfThreeUpgradesItsParentsLastLoadedFirst() {
        RevisionGraph graph = graph("a", "b1<-a", "b2<-a", "b3<-a", "m<-b1,b2,b3");
        assertThat(graph.heads()).containsExactly("m");
        assertThat(graph.children("a")).containsExactly("b1", "b2", "b3");
        assertThat(upgrade(graph, "heads")).containsExactly("a", "b3", "b2", "b1", "m");
        assertThat(upgrade(graph, "m", "b2")).containsExactly("b3", "b1", "m");
        assertThat(downgrade(graph, "a", "m")).containsExactly("m", "b1", "b2", "b3");
        assertThat(downgrade(graph, "b3", "m")).containsExactly("m");
    }

    // ---------------------------------------------------------------- diamond

    @Test
    void diamondUpgradesAndDowngradesThroughBothSides() {
        RevisionGraph diamond = graph("a", "b1<-a", "b2<-a", "c<-b1,b2", "d<-c");
        assertThat(upgrade(diamond, "heads")).containsExactly("a", "b2", "b1", "c", "d");
        assertThat(downgrade(diamond, "base", "d")).containsExactly("d", "c", "b1", "b2", "a");
        assertThat(downgrade(diamond, "a", "d")).containsExactly("d", "c", "b1", "b2");
    }

    // ---------------------------------------------------------------- branch from the middle

    /** a → b → c → d, and a second branch b → e → f. */
    private static RevisionGraph branchFromTheMiddle() {
        return graph("a", "b<-a", "c<-b", "d<-c", "e<-b", "f<-e");
    }

    @Test
    void branchFromTheMiddleHasTwoHeads() {
        RevisionGraph graph = branchFromTheMiddle();
        assertThat(graph.heads()).containsExactly("d", "f");
        assertThat(graph.isBranchPoint("b")).isTrue();
        assertThat(ids(graph.resolve("heads"))).containsExactly("d", "f");
    }

    @Test
    void branchFromTheMiddlePlans() {
        RevisionGraph graph = branchFromTheMiddle();
        assertThat(upgrade(graph, "heads")).containsExactly("a", "b", "e", "f", "c", "d");
        assertThat(upgrade(graph, "heads", "d")).containsExactly("e", "f");
        assertThat(upgrade(graph, "f", "d")).containsExactly("e", "f");
        assertThat(downgrade(graph, "b", "d", "f")).containsExactly("d", "c", "f", "e");
        assertThat(downgrade(graph, "c", "d", "f")).containsExactly("d");
        assertThat(ids(graph.walk("base", "heads"))).containsExactly("d", "c", "f", "e", "b", "a");
    }

    @Test
    void branchFromTheMiddleDowngradeToTheOtherBranchThrowsNothingToDrop() {
        assertThatThrownBy(() -> downgrade(branchFromTheMiddle(), "e", "d"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision Nothing to drop is not an ancestor of revision d");
    }

    // ---------------------------------------------------------------- nested branches

    /** a → b branches to c1 (label one) → d1 and c2 (label two); d1 branches again to e1 (label inner) → f1 and e2. */
    private static RevisionGraph nested() {
        return graph("a", "b<-a", "c1<-b @one", "d1<-c1", "e1<-d1 @inner", "e2<-d1", "c2<-b @two", "f1<-e1");
    }

    @Test
    void nestedBranchesHaveThreeHeadsAndNestedLabels() {
        RevisionGraph graph = nested();
        assertThat(graph.heads()).containsExactly("e2", "c2", "f1");
        assertThat(graph.branchLabels("b")).isEmpty();
        assertThat(graph.branchLabels("d1")).containsExactly("one");
        assertThat(graph.branchLabels("e2")).containsExactly("one");
        assertThat(graph.branchLabels("f1")).containsExactlyInAnyOrder("one", "inner");
        assertThat(graph.branchLabels("c2")).containsExactly("two");
        assertThatThrownBy(() -> graph.resolveOne("one@head"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'one@head'; e2, f1");
        assertThat(ids(graph.resolve("one@heads"))).containsExactly("e2", "f1");
        assertThat(graph.resolveOne("inner@head").id()).isEqualTo("f1");
    }

    @Test
    void nestedBranchesPlans() {
        RevisionGraph graph = nested();
        assertThat(upgrade(graph, "heads")).containsExactly("a", "b", "c1", "d1", "c2", "e1", "f1", "e2");
        assertThat(downgrade(graph, "b", "f1", "e2", "c2")).containsExactly("e2", "f1", "e1", "c2", "d1", "c1");
        assertThat(downgrade(graph, "d1", "f1", "e2", "c2")).containsExactly("e2", "f1", "e1");
        assertThat(downgrade(graph, "inner@d1", "f1", "e2", "c2")).containsExactly("f1", "e1");
        assertThat(downgrade(graph, "e2@d1", "f1", "e2", "c2")).containsExactly("e2");
        assertThat(downgrade(graph, "inner@-1", "f1", "e2", "c2")).containsExactly("f1");
        assertThat(downgrade(graph, "two@-1", "f1", "e2", "c2")).containsExactly("c2");
        assertThat(upgrade(graph, "inner@head", "d1", "c2")).containsExactly("e1", "f1");
        assertThat(upgrade(graph, "one@+1", "c1", "c2")).containsExactly("d1");
    }

    @Test
    void nestedBranchesLabelAtItsOwnBranchpointIsNotADowngradeTarget() {
        // d1 is inside branch one, but below both of its children; Alembic keeps only children that are ancestors
        // of the revision declaring the label (c1), which leaves none.
        assertThatThrownBy(() -> downgrade(nested(), "one@d1", "f1", "e2", "c2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Not a valid downgrade target from current heads");
    }

    @Test
    void nestedBranchesPlusOneAcrossABranchpointThrowsAmbiguousWalk() {
        assertThatThrownBy(() -> upgrade(nested(), "one@+1", "d1", "c2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous walk");
    }

    // ---------------------------------------------------------------- labels as targets

    /** a → b (label main) → c → d, and a → x (label side) → y. */
    private static RevisionGraph labelled() {
        return graph("a", "b<-a @main", "c<-b", "d<-c", "x<-a @side", "y<-x");
    }

    private static List<String> resolved(String identifier) {
        return ids(labelled().resolve(identifier));
    }

    @Test
    void labelTargetsResolve() {
        assertThat(resolved("main")).containsExactly("b");
        assertThat(resolved("main@head")).containsExactly("d");
        assertThat(resolved("main@heads")).containsExactly("d");
        assertThat(resolved("main@base")).isEmpty();
        assertThat(resolved("main@c")).containsExactly("c");
        assertThat(resolved("main@-1")).containsExactly("c");
        assertThat(resolved("side@-1")).containsExactly("x");
        assertThat(resolved("side@head")).containsExactly("y");
    }

    @Test
    void labelDoesNotSpreadBelowItsBranchpoint() {
        assertThat(labelled().branchLabels("a")).isEmpty();
        assertThat(labelled().branchLabels("d")).containsExactly("main");
        assertThat(labelled().branchLabels("y")).containsExactly("side");
    }

    @Test
    void labelTargetsUpgrade() {
        assertThat(upgrade(labelled(), "main@head")).containsExactly("a", "b", "c", "d");
        assertThat(upgrade(labelled(), "side@head", "d")).containsExactly("x", "y");
        assertThat(upgrade(labelled(), "main@c", "a")).containsExactly("b", "c");
        assertThat(upgrade(labelled(), "main@+2", "b", "y")).containsExactly("c", "d");
        assertThat(upgrade(labelled(), "main@+1", "b", "y")).containsExactly("c");
        assertThat(upgrade(labelled(), "main@+1", "a")).containsExactly("b");
        assertThat(upgrade(labelled(), "main@+3", "a")).containsExactly("b", "c", "d");
    }

    @Test
    void labelPlusOneFromOnlyTheOtherBranchStartsTheLabelledBranch() {
        assertThat(upgrade(labelled(), "main@+1", "y")).containsExactly("b");
    }

    @Test
    void labelTargetsDowngrade() {
        assertThat(downgrade(labelled(), "main@-1", "d", "y")).containsExactly("d");
        assertThat(downgrade(labelled(), "main@-2", "d", "y")).containsExactly("d", "c");
        assertThat(downgrade(labelled(), "main@b", "d", "y")).containsExactly("d", "c");
    }

    @Test
    void labelAtBaseDowngradesEverythingAboveTheSharedBase() {
        // a is below both branches, so downgrading main to its base takes side down too, as in Alembic.
        assertThat(downgrade(labelled(), "main@base", "d", "y")).containsExactly("d", "c", "b", "y", "x", "a");
    }

    @Test
    void labelTargetOutsideTheBranchThrows() {
        assertThatThrownBy(() -> labelled().resolve("main@x"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Revision x is not a member of branch 'main'");
    }

    // ---------------------------------------------------------------- depends_on across branches

    /** a → b → c, and x → y → z where y depends on b. */
    private static RevisionGraph crossDependency() {
        return graph("a", "b<-a", "c<-b", "x", "y<-x ~b", "z<-y");
    }

    @Test
    void dependencyAcrossBranchesKeepsItsHeadAHead() {
        RevisionGraph graph = crossDependency();
        assertThat(graph.heads()).containsExactly("c", "z");
        assertThat(graph.realHeads()).containsExactly("c", "z");
        assertThat(graph.normalizedDownRevisions("y")).containsExactly("x", "b");
    }

    @Test
    void dependencyAcrossBranchesIsUpgradedFirst() {
        assertThat(upgrade(crossDependency(), "z")).containsExactly("a", "b", "x", "y", "z");
        assertThat(upgrade(crossDependency(), "heads")).containsExactly("a", "b", "x", "y", "z", "c");
        assertThat(upgrade(crossDependency(), "z", "c")).containsExactly("x", "y", "z");
    }

    @Test
    void dependencyAcrossBranchesIsDowngradedAfterItsDependents() {
        assertThat(downgrade(crossDependency(), "a", "c", "z")).containsExactly("c", "z", "y", "b");
        assertThat(downgrade(crossDependency(), "x", "c", "z")).containsExactly("z", "y");
        assertThat(downgrade(crossDependency(), "b", "c", "z")).containsExactly("c");
    }

    @Test
    void dependencyAcrossBranchesCountsAsCurrent() {
        // Alembic returns a set here; Retort lists it in load order.
        assertThat(ids(crossDependency().currentRevisions(List.of("z")))).containsExactly("b", "z");
    }

    // ---------------------------------------------------------------- two bases

    private static RevisionGraph twoBases() {
        return graph("a1", "a2<-a1", "b1", "b2<-b1");
    }

    @Test
    void twoBasesPlans() {
        RevisionGraph graph = twoBases();
        assertThat(graph.bases()).containsExactly("a1", "b1");
        assertThat(graph.heads()).containsExactly("a2", "b2");
        assertThat(upgrade(graph, "heads")).containsExactly("b1", "b2", "a1", "a2");
        assertThat(upgrade(graph, "b2", "a2")).containsExactly("b1", "b2");
        assertThat(downgrade(graph, "base", "a2", "b2")).containsExactly("a2", "a1", "b2", "b1");
        assertThat(downgrade(graph, "b1", "a2", "b2")).containsExactly("b2");
        assertThat(graph.stampPlan(List.of("b2"), List.of("a2")))
                .containsExactly(new StampMove(List.of(), List.of("b2"), true, true));
    }

    @Test
    void twoBasesPlusOneFromNothingThrowsAmbiguousWalk() {
        assertThatThrownBy(() -> upgrade(twoBases(), "+1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous walk");
    }
}
