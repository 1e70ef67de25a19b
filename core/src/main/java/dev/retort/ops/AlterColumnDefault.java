package dev.retort.ops;

/**
 * {@code ALTER TABLE … ALTER COLUMN … SET DEFAULT …} or {@code DROP DEFAULT}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param column the column
 * @param from the existing default as SQL, or {@code null}
 * @param to the new default as SQL, or {@code null} to drop it
 */
public record AlterColumnDefault(String schema, String table, String column, String from, String to)
        implements Op {

    @Override
    public AlterColumnDefault reverse() {
        return new AlterColumnDefault(schema, table, column, to, from);
    }
}
