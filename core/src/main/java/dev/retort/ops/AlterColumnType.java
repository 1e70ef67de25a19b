package dev.retort.ops;

/**
 * {@code ALTER TABLE … ALTER COLUMN … TYPE …}, with {@code USING column::type} when the value must be converted
 * explicitly (e.g. between {@code varchar} and an enum type).
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param column the column
 * @param fromType the existing type
 * @param toType the new type
 * @param using whether to convert with {@code USING column::toType}
 * @param reverseUsing whether the reverse needs {@code USING column::fromType}
 */
public record AlterColumnType(String schema, String table, String column, String fromType, String toType,
        boolean using, boolean reverseUsing) implements Op {

    @Override
    public AlterColumnType reverse() {
        return new AlterColumnType(schema, table, column, toType, fromType, reverseUsing, using);
    }
}
