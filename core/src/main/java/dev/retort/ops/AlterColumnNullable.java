package dev.retort.ops;

/**
 * {@code ALTER TABLE … ALTER COLUMN … SET NOT NULL} or {@code DROP NOT NULL}.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param column the column
 * @param nullable whether the column allows NULL afterwards
 * @param existingType the column's type (some databases restate it)
 */
public record AlterColumnNullable(String schema, String table, String column, boolean nullable, String existingType)
        implements Op {

    @Override
    public AlterColumnNullable reverse() {
        return new AlterColumnNullable(schema, table, column, !nullable, existingType);
    }
}
