package dev.retort.ops;

/**
 * {@code ALTER TABLE … RENAME COLUMN … TO …}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param from the current column name
 * @param to the new column name
 */
public record RenameColumn(String schema, String table, String from, String to) implements Op {

    @Override
    public RenameColumn reverse() {
        return new RenameColumn(schema, table, to, from);
    }
}
