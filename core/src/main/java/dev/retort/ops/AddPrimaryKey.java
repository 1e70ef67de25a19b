package dev.retort.ops;

import dev.retort.schema.PrimaryKey;

/**
 * {@code ALTER TABLE … ADD PRIMARY KEY}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param primaryKey the key; a {@code null} name lets the database name it
 */
public record AddPrimaryKey(String schema, String table, PrimaryKey primaryKey) implements Op {

    @Override
    public DropPrimaryKey reverse() {
        return new DropPrimaryKey(schema, table, primaryKey);
    }
}
