package dev.retort.ops;

import dev.retort.schema.Table;

/**
 * {@code CREATE TABLE} with its columns, primary key, unique constraints, checks and the foreign keys it carries,
 * followed by its indexes and comments.
 *
 * @param table the table to create
 */
public record CreateTable(Table table) implements Op {

    @Override
    public DropTable reverse() {
        return new DropTable(table);
    }
}
