package dev.retort.ops;

import dev.retort.schema.Index;

/**
 * {@code CREATE [UNIQUE] INDEX}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param index the index
 */
public record CreateIndex(String schema, String table, Index index) implements Op {

    @Override
    public DropIndex reverse() {
        return new DropIndex(schema, table, index);
    }
}
