package dev.retort.ops;

import dev.retort.schema.UniqueConstraint;

/**
 * {@code ALTER TABLE … ADD CONSTRAINT … UNIQUE (…)}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param constraint the constraint, named so that the reverse can drop it
 */
public record AddUniqueConstraint(String schema, String table, UniqueConstraint constraint) implements Op {

    @Override
    public DropUniqueConstraint reverse() {
        return new DropUniqueConstraint(schema, table, constraint);
    }
}
