package dev.retort.autogenerate;

import dev.retort.ops.AlterSequence;
import dev.retort.ops.CreateSequence;
import dev.retort.ops.DropSequence;
import dev.retort.ops.Group;
import dev.retort.ops.Note;
import dev.retort.schema.Sequence;

/**
 * Sequences: created before the tables and dropped after them. A live sequence the target lacks is dropped with
 * {@code --drop-unmapped}, or when it belongs to a table removed in this revision (Hibernate's
 * {@code <table>_seq}, or {@code <table>_<column>_seq}). One in both whose increment ({@code allocationSize}) or
 * start ({@code initialValue}) differs is altered; a new start is only recorded, so it gets a remark.
 */
final class SequenceComparator {

    private SequenceComparator() {
    }

    static void compare(Context ctx) {
        for (Sequence t : ctx.target.sequences()) {
            Sequence l = ctx.live.sequence(t.schema(), t.name()).orElse(null);
            if (l == null) {
                ctx.plan.sequences.add(new CreateSequence(t));
                ctx.plan.detected("added sequence '" + t.qualifiedName() + "'");
            } else if (l.increment() != t.increment() || l.start() != t.start()) {
                altered(ctx, l, t);
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

    private static void altered(Context ctx, Sequence live, Sequence target) {
        String name = target.qualifiedName();
        if (live.increment() != target.increment()) {
            ctx.plan.detected("increment change from " + live.increment() + " to " + target.increment()
                    + " on sequence '" + name + "'");
        }
        if (live.start() == target.start()) {
            ctx.plan.sequences.add(new AlterSequence(live, target));
            return;
        }
        ctx.plan.detected("start change from " + live.start() + " to " + target.start() + " on sequence '" + name
                + "'");
        ctx.plan.sequences.add(Group.noted(new AlterSequence(live, target), start(name, target.start())));
    }

    private static Note start(String sequence, long start) {
        return Note.of("START WITH only records where '" + sequence + "' starts (for RESTART and a new database):"
                + " its next value stays", "where it is. To move it: ALTER SEQUENCE " + sequence + " RESTART WITH "
                + start + " (check that no id from " + start + " on is taken)");
    }
}
