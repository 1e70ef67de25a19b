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
 * Every error a target can run into, with Alembic's raw wording (the commands add "Can't locate revision identified
 * by …" and the like on top). Each was checked against Alembic 1.20's {@code RevisionMap}.
 */
class ErrorMessageTests {

    private static RevisionGraph chain() {
        return graph("a", "b<-a", "c<-b");
    }

    /** a → b branching to c1 and c2. */
    private static RevisionGraph twoHeads() {
        return graph("a", "b<-a", "c1<-b", "c2<-b");
    }

    /** a → b, branching to c1 and c2, merged by m, then n. */
    private static RevisionGraph merge() {
        return graph("a", "b<-a", "c1<-b", "c2<-b", "m<-c1,c2", "n<-m");
    }

    private static RevisionGraph prefixes() {
        return graph("abc1", "abc2<-abc1", "abc3<-abc2", "abd4<-abc3");
    }

    // ---------------------------------------------------------------- multiple heads

    @Test
    void upgradeToHeadWithTwoHeadsThrowsMultipleHeads() {
        assertThatThrownBy(() -> upgrade(twoHeads(), "head"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'head'; c1, c2");
    }

    @Test
    void upgradeToHeadsWithTwoHeadsRunsBoth() {
        assertThat(upgrade(twoHeads(), "heads")).containsExactly("a", "b", "c2", "c1");
    }

    @Test
    void stampToHeadWithTwoHeadsThrowsMultipleHeads() {
        assertThatThrownBy(() -> twoHeads().stampPlan(List.of("head"), List.of()))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'head'; c1, c2");
    }

    @Test
    void revisionAtHeadWithTwoHeadsAboveItThrowsMultipleHeads() {
        assertThatThrownBy(() -> twoHeads().resolveOne("b@head"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'b@head'; c1, c2");
        assertThat(twoHeads().resolveOne("c1@head").id()).isEqualTo("c1");
    }

    // ---------------------------------------------------------------- resolution

    @Test
    void unknownIdThrowsNoSuchRevision() {
        assertThatThrownBy(() -> chain().resolve("zzzz"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch 'zzzz'")
                .satisfies(e -> assertThat(((ResolutionException) e).argument()).isEqualTo("zzzz"));
    }

    @Test
    void unknownShortIdThrowsNoSuchRevisionWithTheFourCharacterHint() {
        assertThatThrownBy(() -> chain().resolve("zz"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch 'zz'; please ensure at least four characters are present"
                        + " for partial revision identifier matches");
    }

    @Test
    void prefixOfTwoIdsThrowsMultipleRevisions() {
        assertThatThrownBy(() -> graph("abc1", "abc2<-abc1").resolve("ab"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Multiple revisions start with 'ab': 'abc1', 'abc2'...")
                .satisfies(e -> assertThat(((ResolutionException) e).argument()).isEqualTo("ab"));
    }

    @Test
    void prefixOfManyIdsNamesTheFirstThree() {
        assertThatThrownBy(() -> prefixes().resolve("abc"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Multiple revisions start with 'abc': 'abc1', 'abc2', 'abc3'...");
    }

    @Test
    void uniquePrefixResolvesEvenUnderFourCharacters() {
        assertThat(prefixes().resolveOne("abd").id()).isEqualTo("abd4");
    }

    @Test
    void revisionOutsideTheBranchThrowsNotAMember() {
        assertThatThrownBy(() -> twoHeads().resolve("c1@c2"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("Revision c2 is not a member of branch 'c1'");
    }

    @Test
    void unknownBranchThrowsNoSuchBranch() {
        assertThatThrownBy(() -> chain().resolve("x@b"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such branch: 'x'");
    }

    @Test
    void ambiguousPrefixAsBranchIsReportedAsNoSuchBranch() {
        assertThatThrownBy(() -> prefixes().resolve("abc@abd4"))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such branch: 'abc'");
    }

    @Test
    void allDigitIdResolvesAsAnId() {
        // Alembic tries int() on every identifier to spot "-N"; an id of digits alone is a large positive number.
        RevisionGraph graph = graph("1975ea83b712", "222823685278<-1975ea83b712", "ae1027a6acf0<-222823685278");
        assertThat(ids(graph.resolve("222823685278"))).containsExactly("222823685278");
        assertThat(graph.resolveOne("2228").id()).isEqualTo("222823685278");
        assertThat(upgrade(graph, "222823685278")).containsExactly("1975ea83b712", "222823685278");
        assertThat(downgrade(graph, "222823685278", "ae1027a6acf0")).containsExactly("ae1027a6acf0");
        assertThat(ids(graph.walk("222823685278", "heads"))).containsExactly("ae1027a6acf0", "222823685278");
    }

    @Test
    void stepCountBeyondAnIntThrowsRelativeRevision() {
        assertThatThrownBy(() -> upgrade(chain(), "+99999999999"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision +99999999999 didn't produce 99999999999 migrations");
        assertThatThrownBy(() -> downgrade(chain(), "-99999999999", "c"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision -99999999999 didn't produce 99999999999 migrations");
    }

    @Test
    void upgradeToMinusNPrintsTheStepCountAsANumber() {
        assertThatThrownBy(() -> upgrade(chain(), "-05", "c"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision -5 didn't produce 5 migrations");
    }

    // ---------------------------------------------------------------- walks

    @Test
    void downgradeMinusOneFromAMergepointThrowsAmbiguousWalk() {
        assertThatThrownBy(() -> downgrade(merge(), "-1", "m"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous walk");
        assertThatThrownBy(() -> downgrade(merge(), "m-1", "n"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous walk");
    }

    @Test
    void upgradePlusOneFromABranchpointThrowsAmbiguousWalk() {
        assertThatThrownBy(() -> upgrade(merge(), "+1", "b"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous walk");
        assertThatThrownBy(() -> upgrade(merge(), "b+1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous walk");
    }

    @Test
    void resolveMinusTwoAcrossAMergepointThrowsAmbiguousWalk() {
        assertThatThrownBy(() -> merge().resolve("-2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous walk");
    }

    @Test
    void labelMinusOneWithTwoCurrentRevisionsOnTheBranchThrowsAmbiguousWalk() {
        // Alembic fails an assert here (two current revisions on branch "one"); Retort throws.
        RevisionGraph nested = graph("a", "b<-a", "c1<-b @one", "d1<-c1", "e1<-d1", "e2<-d1", "c2<-b @two");
        assertThatThrownBy(() -> downgrade(nested, "one@-1", "e1", "e2", "c2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous walk");
    }

    @Test
    void upgradePastTheHeadThrowsRelativeRevision() {
        assertThatThrownBy(() -> upgrade(chain(), "+3", "a"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision +3 didn't produce 3 migrations");
        assertThatThrownBy(() -> upgrade(chain(), "+4"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision +4 didn't produce 4 migrations");
        assertThat(upgrade(chain(), "+3")).containsExactly("a", "b", "c");
    }

    @Test
    void upgradeToMinusOneThrowsRelativeRevision() {
        assertThatThrownBy(() -> upgrade(chain(), "-1", "c"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision -1 didn't produce 1 migrations");
    }

    @Test
    void upgradeBelowBaseFromANamedRevisionThrowsWalkedTooFar() {
        // Alembic fails an assert here; Retort throws.
        assertThatThrownBy(() -> upgrade(chain(), "b-3"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Walked too far");
    }

    @Test
    void downgradeBelowBaseFromANamedRevisionThrowsWalkedTooFar() {
        assertThatThrownBy(() -> downgrade(chain(), "b-3", "c"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Walked too far");
    }

    @Test
    void upgradePlusOneFromTwoCurrentRevisionsThrowsAmbiguousUpgrade() {
        assertThatThrownBy(() -> upgrade(twoHeads(), "+1", "c1", "c2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Ambiguous upgrade from multiple current revisions");
    }

    // ---------------------------------------------------------------- ranges

    @Test
    void walkBetweenSiblingBranchesThrowsRangeNotAncestor() {
        assertThatThrownBy(() -> merge().walk("c1", "c2"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision c1 is not an ancestor of revision c2")
                .satisfies(e -> {
                    RangeNotAncestorException range = (RangeNotAncestorException) e;
                    assertThat(range.lower()).isEqualTo("c1");
                    assertThat(range.upper()).isEqualTo("c2");
                });
    }

    @Test
    void walkDownwardThrowsRangeNotAncestor() {
        assertThatThrownBy(() -> chain().walk("c", "a"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision c is not an ancestor of revision a");
    }

    @Test
    void upgradeToASiblingBranchRunsItBecauseUpgradesHaveAnImplicitBase() {
        assertThat(upgrade(merge(), "c2", "c1")).containsExactly("c2");
    }

    @Test
    void downgradeToASiblingBranchThrowsNothingToDrop() {
        assertThatThrownBy(() -> downgrade(twoHeads(), "c2", "c1"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision Nothing to drop is not an ancestor of revision c1");
    }

    // ---------------------------------------------------------------- stamp

    @Test
    void stampRelativeTargetWithNoCurrentRevisionsCreatesItsBranch() {
        // Alembic checks a target's lineage against each current revision, so with none there is nothing to check.
        assertThat(graph("a", "b<-a", "c<-b", "d<-c").stampPlan(List.of("-1"), List.of()))
                .containsExactly(new StampMove(List.of(), List.of("c"), true, true));
        assertThat(graph("a", "b<-a @main", "c<-b", "d<-c").stampPlan(List.of("main@-1"), List.of()))
                .containsExactly(new StampMove(List.of(), List.of("c"), true, true));
    }

    @Test
    void stampRelativeTargetWithCurrentRevisionsThrowsNoSuchRevision() {
        assertThatThrownBy(() -> graph("a", "b<-a", "c<-b", "d<-c").stampPlan(List.of("-1"), List.of("b")))
                .isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch '-1'; please ensure at least four characters are present"
                        + " for partial revision identifier matches");
    }
}
