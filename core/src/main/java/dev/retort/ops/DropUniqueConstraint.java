package dev.retort.ops;

import dev.retort.schema.UniqueConstraint;

/**
 * {@code ALTER TABLE … DROP CONSTRAINT} of a unique constraint.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param constraint the existing constraint
 */
public record DropUniqueConstraint(String schema, String table, UniqueConstraint constraint) implements Op {

    @Override
    public AddUniqueConstraint reverse() {
        return new AddUniqueConstraint(schema, table, constraint);
    }
}
