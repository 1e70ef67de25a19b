package dev.retort.ops;

import dev.retort.schema.Column;

/**
 * {@code ALTER TABLE … ADD COLUMN}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param column the new column
 */
public record AddColumn(String schema, String table, Column column) implements Op {

    @Override
    public DropColumn reverse() {
        return new DropColumn(schema, table, column);
    }
}
