package dev.retort.ops;

/**
 * A remark that changes nothing, e.g. that an enum type's labels differ only in order.
 *
 * @param note what to say in this direction, or {@code null}
 * @param reverseNote what to say in the other direction, or {@code null}
 */
public record Comment(Note note, Note reverseNote) implements Op {

    @Override
    public Comment reverse() {
        return new Comment(reverseNote, note);
    }
}
