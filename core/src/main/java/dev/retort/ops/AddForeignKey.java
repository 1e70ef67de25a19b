package dev.retort.ops;

import dev.retort.schema.ForeignKey;

/**
 * {@code ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the referencing table
 * @param foreignKey the foreign key, named so that the reverse can drop it
 */
public record AddForeignKey(String schema, String table, ForeignKey foreignKey) implements Op {

    @Override
    public DropForeignKey reverse() {
        return new DropForeignKey(schema, table, foreignKey);
    }
}
