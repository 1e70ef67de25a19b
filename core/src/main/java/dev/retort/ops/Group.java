package dev.retort.ops;

import java.util.List;

/**
 * Operations that belong together, with a note in front of them for each direction: a warning on a dangerous
 * change, or the rename a drop + add could be. Reversed, the group reverses its operations and swaps its notes.
 *
 * @param ops the operations, in order
 * @param note what to say before them, or {@code null}
 * @param reverseNote what to say before the reversed operations, or {@code null}
 */
public record Group(List<Op> ops, Note note, Note reverseNote) implements Op {

    public Group {
        ops = List.copyOf(ops);
    }

    /** One operation with a note in the upgrade direction only. */
    public static Group noted(Op op, Note note) {
        return new Group(List.of(op), note, null);
    }

    @Override
    public Group reverse() {
        return new Group(Ops.reverse(ops), reverseNote, note);
    }
}
