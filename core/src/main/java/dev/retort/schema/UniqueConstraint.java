package dev.retort.schema;

import java.util.List;

/**
 * A unique constraint.
 *
 * @param name the constraint name, or {@code null} to let the database name it ({@code <table>_<col>_key})
 * @param columns its columns in order
 */
public record UniqueConstraint(String name, List<String> columns) {

    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
