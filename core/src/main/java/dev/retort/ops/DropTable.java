package dev.retort.ops;

import dev.retort.schema.Table;

/**
 * {@code DROP TABLE}; the table as it is, so the reverse can create it again.
 *
 * @param table the existing table
 */
public record DropTable(Table table) implements Op {

    @Override
    public CreateTable reverse() {
        return new CreateTable(table);
    }
}
