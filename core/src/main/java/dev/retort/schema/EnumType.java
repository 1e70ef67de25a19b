package dev.retort.schema;

import java.util.List;

/**
 * A named enum type, e.g. PostgreSQL's {@code CREATE TYPE job_type AS ENUM ('build', 'deploy')}.
 *
 * @param schema the schema, {@code null} for the default one
 * @param name the type name
 * @param labels its labels in their declared order
 */
public record EnumType(String schema, String name, List<String> labels) {

    public EnumType {
        Names.require(name, "enum type name");
        labels = List.copyOf(labels);
    }

    /** {@code schema.name}, or just the name in the default schema. */
    public String qualifiedName() {
        return Names.qualified(schema, name);
    }
}
