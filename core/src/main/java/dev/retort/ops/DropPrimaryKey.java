package dev.retort.ops;

import dev.retort.schema.PrimaryKey;

/**
 * {@code ALTER TABLE … DROP CONSTRAINT} of the primary key.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param primaryKey the existing key; a {@code null} name means the database's default name
 */
public record DropPrimaryKey(String schema, String table, PrimaryKey primaryKey) implements Op {

    @Override
    public AddPrimaryKey reverse() {
        return new AddPrimaryKey(schema, table, primaryKey);
    }
}
