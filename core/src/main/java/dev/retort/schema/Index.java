package dev.retort.schema;

import java.util.List;

/**
 * An index that backs no constraint.
 *
 * @param name the index name
 * @param columns its columns (or expressions) in order, each as SQL, with {@code DESC} where it applies
 * @param unique whether it is a unique index
 */
public record Index(String name, List<String> columns, boolean unique) {

    public Index {
        Names.require(name, "index name");
        columns = List.copyOf(columns);
    }
}
