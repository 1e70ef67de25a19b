package dev.retort.ops;

import dev.retort.schema.CheckConstraint;

/**
 * {@code ALTER TABLE … ADD CONSTRAINT … CHECK (…)}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param check the check, named so that the reverse can drop it
 */
public record AddCheck(String schema, String table, CheckConstraint check) implements Op {

    @Override
    public DropCheck reverse() {
        return new DropCheck(schema, table, check);
    }
}
