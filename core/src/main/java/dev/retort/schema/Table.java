package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table: its columns in declaration order, keys, indexes, foreign keys, checks and comment.
 *
 * @param schema the schema, {@code null} for the default one
 * @param name the table name, as the database stores it (PostgreSQL folds unquoted names to lower case)
 * @param columns columns in order
 * @param primaryKey the primary key, or {@code null}
 * @param uniqueConstraints unique constraints (not unique indexes)
 * @param indexes indexes, unique or not, that back no constraint
 * @param foreignKeys foreign keys
 * @param checks check constraints
 * @param comment the table comment, or {@code null}
 */
public record Table(String schema, String name, List<Column> columns, PrimaryKey primaryKey,
        List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<ForeignKey> foreignKeys,
        List<CheckConstraint> checks, String comment) {

    public Table {
        Names.require(name, "table name");
        columns = List.copyOf(columns);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    /** {@code schema.name}, or just the name in the default schema. */
    public String qualifiedName() {
        return Names.qualified(schema, name);
    }

    /** The column with this name. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** This table with other columns. */
    public Table withColumns(List<Column> newColumns) {
        return new Table(schema, name, newColumns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks,
                comment);
    }
}
