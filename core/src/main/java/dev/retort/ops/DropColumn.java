package dev.retort.ops;

import dev.retort.schema.Column;

/**
 * {@code ALTER TABLE … DROP COLUMN}; the column as it is, so the reverse can add it again.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param column the existing column
 */
public record DropColumn(String schema, String table, Column column) implements Op {

    @Override
    public AddColumn reverse() {
        return new AddColumn(schema, table, column);
    }
}
