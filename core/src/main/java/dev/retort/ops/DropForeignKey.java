package dev.retort.ops;

import dev.retort.schema.ForeignKey;

/**
 * {@code ALTER TABLE … DROP CONSTRAINT} of a foreign key.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the referencing table
 * @param foreignKey the existing foreign key
 */
public record DropForeignKey(String schema, String table, ForeignKey foreignKey) implements Op {

    @Override
    public AddForeignKey reverse() {
        return new AddForeignKey(schema, table, foreignKey);
    }
}
