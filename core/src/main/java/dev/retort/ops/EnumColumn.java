package dev.retort.ops;

/**
 * A column whose type is an enum type, which must be converted when the type is recreated.
 *
 * @param schema the table's schema, {@code null} for the default one
 * @param table the table
 * @param column the column
 * @param defaultExpression its server default as SQL, or {@code null}; dropped and set again around the conversion
 */
public record EnumColumn(String schema, String table, String column, String defaultExpression) {
}
