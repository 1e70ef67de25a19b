package dev.retort.schema;

import java.util.List;

/**
 * A primary key.
 *
 * @param name the constraint name, or {@code null} to let the database name it ({@code <table>_pkey} on PostgreSQL)
 * @param columns its columns in order
 */
public record PrimaryKey(String name, List<String> columns) {

    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
