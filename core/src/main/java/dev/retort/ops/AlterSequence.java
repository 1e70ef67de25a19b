package dev.retort.ops;

import dev.retort.schema.Sequence;

/**
 * {@code ALTER SEQUENCE … INCREMENT BY … START WITH …}, each clause only where {@code from} and {@code to} differ.
 * A new start is only recorded (for {@code RESTART} and a database made afresh): the next value doesn't move.
 *
 * @param from the sequence as it is
 * @param to the sequence it becomes (same schema and name)
 */
public record AlterSequence(Sequence from, Sequence to) implements Op {

    public AlterSequence {
        if (!from.qualifiedName().equals(to.qualifiedName())) {
            throw new IllegalArgumentException("AlterSequence changes one sequence, not '" + from.qualifiedName()
                    + "' into '" + to.qualifiedName() + "'");
        }
    }

    @Override
    public AlterSequence reverse() {
        return new AlterSequence(to, from);
    }
}
