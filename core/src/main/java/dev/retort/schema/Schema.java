package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of a database schema — what the entities want (built by an adapter such as the Hibernate
 * one) or what a live database has (read by a dialect). Autogenerate compares two of them; neither side knows where
 * the other came from.
 *
 * <pre>{@code
 * Schema target = new Schema(List.of(account), List.of(mood), List.of(accountSeq), List.of());
 * target.table(null, "account");        // Optional<Table>
 * }</pre>
 *
 * <p>A {@code null} schema name on any object means the default schema (the version table's, or the connection's
 * current schema); comparisons treat {@code null} and the default schema's name as the same.
 *
 * @param tables tables in no particular order
 * @param enumTypes named enum types (PostgreSQL {@code CREATE TYPE … AS ENUM})
 * @param sequences sequences not owned by an identity column
 * @param casts user-defined casts involving the enum types (Hibernate creates {@code varchar} ↔ enum casts)
 */
public record Schema(List<Table> tables, List<EnumType> enumTypes, List<Sequence> sequences, List<Cast> casts) {

    public Schema {
        tables = List.copyOf(tables);
        enumTypes = List.copyOf(enumTypes);
        sequences = List.copyOf(sequences);
        casts = List.copyOf(casts);
    }

    /** A schema with nothing in it. */
    public static Schema empty() {
        return new Schema(List.of(), List.of(), List.of(), List.of());
    }

    /** The table with this schema and name (names compared exactly). */
    public Optional<Table> table(String schema, String name) {
        return tables.stream().filter(t -> Names.same(t.schema(), schema) && t.name().equals(name)).findFirst();
    }

    /** The enum type with this schema and name. */
    public Optional<EnumType> enumType(String schema, String name) {
        return enumTypes.stream().filter(t -> Names.same(t.schema(), schema) && t.name().equals(name)).findFirst();
    }

    /** The sequence with this schema and name. */
    public Optional<Sequence> sequence(String schema, String name) {
        return sequences.stream().filter(s -> Names.same(s.schema(), schema) && s.name().equals(name)).findFirst();
    }
}
