package dev.retort.ops;

import dev.retort.schema.CheckConstraint;

/**
 * {@code ALTER TABLE … DROP CONSTRAINT} of a check.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param check the existing check
 */
public record DropCheck(String schema, String table, CheckConstraint check) implements Op {

    @Override
    public AddCheck reverse() {
        return new AddCheck(schema, table, check);
    }
}
