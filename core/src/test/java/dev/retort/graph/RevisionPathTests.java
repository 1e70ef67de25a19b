package dev.retort.graph;

import static dev.retort.graph.GraphDsl.downgrade;
import static dev.retort.graph.GraphDsl.graph;
import static dev.retort.graph.GraphDsl.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's {@code test_version_traversal.py} {@code RevisionPathTest}: a straight chain a → b → c → d → e with
 * Alembic's own ids, so partial ids behave as in its test.
 */
class RevisionPathTests {

    private static final String A = "e6239818bb3a";
    private static final String B = "548bbb905360";
    private static final String C = "b7ea43dc85e4";
    private static final String D = "1bbe33445780";
    private static final String E = "3975fb1a0125";

    private static RevisionGraph chain() {
        return graph(A, B + "<-" + A, C + "<-" + B, D + "<-" + C, E + "<-" + D);
    }

    @Test
    void downgradeToBaseWithNoVersionDoesNothing() {
        assertThat(downgrade(chain(), "base")).isEmpty();
    }

    @Test
    void downgradeToTheCurrentRevisionDoesNothing() {
        assertThat(downgrade(chain(), A, A)).isEmpty();
    }

    @Test
    void downgradeToTheCurrentHeadDoesNothing() {
        assertThat(downgrade(chain(), E, E)).isEmpty();
    }

    @Test
    void upgradeRunsTheRevisionsAboveTheCurrentOneOldestFirst() {
        assertThat(upgrade(chain(), E, C)).containsExactly(D, E);
        assertThat(upgrade(chain(), C)).containsExactly(A, B, C);
    }

    @Test
    void upgradeRelativeToTheCurrentRevision() {
        assertThat(upgrade(chain(), "+2", A)).containsExactly(B, C);
        assertThat(upgrade(chain(), "+1", A)).containsExactly(B);
        assertThat(upgrade(chain(), "+3", B)).containsExactly(C, D, E);
    }

    @Test
    void upgradeRelativeToANamedRevision() {
        assertThat(upgrade(chain(), B + "+2", A)).containsExactly(B, C, D);
        assertThat(upgrade(chain(), D + "-2", A)).containsExactly(B);
    }

    @Test
    void upgradeMinusTwoThrowsRelativeRevision() {
        assertThatThrownBy(() -> upgrade(chain(), "-2", B))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision -2 didn't produce 2 migrations");
    }

    @Test
    void upgradePastTheHeadThrowsRelativeRevision() {
        assertThatThrownBy(() -> upgrade(chain(), "+5", B))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision +5 didn't produce 5 migrations");
    }

    @Test
    void upgradeFromANamedRevisionPastTheHeadThrowsWalkedTooFar() {
        // Alembic fails an assert here; Retort throws.
        assertThatThrownBy(() -> upgrade(chain(), D + "+3", A))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Walked too far");
    }

    @Test
    void downgradeUndoesTheRevisionsAboveTheDestinationNewestFirst() {
        assertThat(downgrade(chain(), C, E)).containsExactly(E, D);
        assertThat(downgrade(chain(), null, C)).containsExactly(C, B, A);
        assertThat(downgrade(chain(), "base", C)).containsExactly(C, B, A);
    }

    @Test
    void downgradeRelativeToTheCurrentRevision() {
        assertThat(downgrade(chain(), "-1", C)).containsExactly(C);
        assertThat(downgrade(chain(), "-3", E)).containsExactly(E, D, C);
    }

    @Test
    void downgradeRelativeToANamedRevision() {
        assertThat(downgrade(chain(), A + "+2", D)).containsExactly(D);
        assertThat(downgrade(chain(), C + "-2", D)).containsExactly(D, C, B);
    }

    @Test
    void downgradeBelowBaseThrowsRelativeRevision() {
        assertThatThrownBy(() -> downgrade(chain(), "-5", B))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision -5 didn't produce 5 migrations");
    }

    @Test
    void downgradePlusTwoThrowsRelativeRevision() {
        assertThatThrownBy(() -> downgrade(chain(), "+2", B))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Relative revision +2 didn't produce 2 migrations");
    }

    @Test
    void downgradeFromANamedRevisionBelowBaseThrowsWalkedTooFar() {
        assertThatThrownBy(() -> downgrade(chain(), B + "-3", D))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Walked too far");
    }

    @Test
    void downgradeFromNothingToARevisionThrowsNothingToDrop() {
        // Alembic's test_invalid_move_rev_to_none; the command reports it as "Destination 548 is not a valid
        // downgrade target from current head(s)". Three characters still match a longer id as a prefix.
        assertThatThrownBy(() -> downgrade(chain(), B.substring(0, 3)))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision Nothing to drop is not an ancestor of revision base");
    }

    @Test
    void downgradeToARevisionAboveTheCurrentOneThrowsNothingToDrop() {
        // Alembic's test_invalid_move_higher_to_lower.
        assertThatThrownBy(() -> downgrade(chain(), C.substring(0, 4), B))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision Nothing to drop is not an ancestor of revision " + B);
    }

    @Test
    void stampToBaseDeletesTheBranch() {
        assertThat(chain().stampPlan(List.of("base"), List.of(D)))
                .containsExactly(new StampMove(List.of(D), List.of(), false, true));
    }
}
