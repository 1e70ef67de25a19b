package dev.retort.ops;

/**
 * {@code COMMENT ON TABLE … IS …}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param from the existing comment, or {@code null}
 * @param to the new comment, or {@code null} to remove it
 */
public record SetTableComment(String schema, String table, String from, String to) implements Op {

    @Override
    public SetTableComment reverse() {
        return new SetTableComment(schema, table, to, from);
    }
}
