package dev.retort.ops;

import dev.retort.schema.Sequence;

/**
 * {@code DROP SEQUENCE}.
 *
 * @param sequence the existing sequence
 */
public record DropSequence(Sequence sequence) implements Op {

    @Override
    public CreateSequence reverse() {
        return new CreateSequence(sequence);
    }
}
