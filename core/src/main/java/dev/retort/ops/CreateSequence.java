package dev.retort.ops;

import dev.retort.schema.Sequence;

/**
 * {@code CREATE SEQUENCE … START WITH … INCREMENT BY …}.
 *
 * @param sequence the sequence
 */
public record CreateSequence(Sequence sequence) implements Op {

    @Override
    public DropSequence reverse() {
        return new DropSequence(sequence);
    }
}
