package dev.retort.ops;

import dev.retort.schema.Index;

/**
 * {@code DROP INDEX}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param index the existing index
 */
public record DropIndex(String schema, String table, Index index) implements Op {

    @Override
    public CreateIndex reverse() {
        return new CreateIndex(schema, table, index);
    }
}
