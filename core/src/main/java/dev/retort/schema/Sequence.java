package dev.retort.schema;

/**
 * A sequence, e.g. one behind {@code @SequenceGenerator} or Hibernate's default {@code <table>_seq}.
 *
 * @param schema the schema, {@code null} for the default one
 * @param name the sequence name
 * @param start its start value
 * @param increment its increment
 */
public record Sequence(String schema, String name, long start, long increment) {

    public Sequence {
        Names.require(name, "sequence name");
    }

    /** {@code schema.name}, or just the name in the default schema. */
    public String qualifiedName() {
        return Names.qualified(schema, name);
    }
}
