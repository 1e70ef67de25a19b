package dev.retort.ops;

/**
 * {@code COMMENT ON COLUMN … IS …}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param column the column
 * @param from the existing comment, or {@code null}
 * @param to the new comment, or {@code null} to remove it
 */
public record SetColumnComment(String schema, String table, String column, String from, String to)
        implements Op {

    @Override
    public SetColumnComment reverse() {
        return new SetColumnComment(schema, table, column, to, from);
    }
}
