package dev.retort.ops;

/**
 * {@code ALTER TABLE … RENAME TO …}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param from the current name
 * @param to the new name
 */
public record RenameTable(String schema, String from, String to) implements Op {

    @Override
    public RenameTable reverse() {
        return new RenameTable(schema, to, from);
    }
}
