package dev.retort.ops;

import dev.retort.schema.Column.Identity;

/**
 * A column becomes an identity column ({@code ADD GENERATED … AS IDENTITY}), stops being one ({@code DROP IDENTITY}),
 * or changes how it generates values ({@code SET GENERATED …}).
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param column the column
 * @param from how it generates values now, or {@code null} for not an identity column
 * @param to how it generates values afterwards, or {@code null} for not an identity column
 */
public record AlterColumnIdentity(String schema, String table, String column, Identity from, Identity to)
        implements Op {

    public AlterColumnIdentity {
        if (from == to) {
            throw new IllegalArgumentException("AlterColumnIdentity on " + table + "." + column + " changes nothing");
        }
    }

    @Override
    public AlterColumnIdentity reverse() {
        return new AlterColumnIdentity(schema, table, column, to, from);
    }
}
