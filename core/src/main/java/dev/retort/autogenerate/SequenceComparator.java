package dev.retort.autogenerate;

import dev.retort.ops.CreateSequence;
import dev.retort.ops.DropSequence;
import dev.retort.schema.Sequence;

/**
 * Sequences: created before the tables and dropped after them. A live sequence the target lacks is dropped with
 * {@code --drop-unmapped}, or when it belongs to a table removed in this revision (Hibernate's
 * {@code <table>_seq}, or {@code <table>_<column>_seq}).
 */
final class SequenceComparator {

    private SequenceComparator() {
    }

    static void compare(Context ctx) {
        for (Sequence t : ctx.target.sequences()) {
            if (ctx.live.sequence(t.schema(), t.name()).isEmpty()) {
                ctx.plan.sequences.add(new CreateSequence(t));
                ctx.plan.detected("added sequence '" + t.qualifiedName() + "'");
            }
        }
        for (Sequence l : ctx.live.sequences()) {
            if (ctx.target.sequence(l.schema(), l.name()).isEmpty() && (ctx.options.dropUnmapped()
                    || ctx.removed.values().stream().anyMatch(t -> l.name().startsWith(t.name() + "_")))) {
                ctx.plan.dropSequences.add(new DropSequence(l));
                ctx.plan.detected("removed sequence '" + l.qualifiedName() + "'");
            }
        }
    }
}
