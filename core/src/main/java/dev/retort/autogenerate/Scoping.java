package dev.retort.autogenerate;

import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;

/**
 * Puts a target schema in the terms of a scope: tables out of scope dropped, and the default schema's name written
 * as {@code null}, as introspection writes it, so that {@code public.account} and {@code account} are one table.
 */
public final class Scoping {

    private Scoping() {
    }

    public static Schema apply(Schema target, SchemaScope scope) {
        String d = scope.defaultSchema();
        return new Schema(
                target.tables().stream().filter(t -> scope.includes(t.name())).map(t -> table(t, d)).toList(),
                target.enumTypes().stream().map(e -> new EnumType(rel(e.schema(), d), e.name(), e.labels())).toList(),
                target.sequences().stream().map(s -> new Sequence(rel(s.schema(), d), s.name(), s.start(),
                        s.increment())).toList(),
                target.casts());
    }

    private static Table table(Table t, String d) {
        return new Table(rel(t.schema(), d), t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(),
                t.indexes(), t.foreignKeys().stream().map(f -> new ForeignKey(f.name(), f.columns(),
                        rel(f.referencedSchema(), d), f.referencedTable(), f.referencedColumns(), f.onDelete(),
                        f.onUpdate())).toList(), t.checks(), t.comment());
    }

    private static String rel(String schema, String defaultSchema) {
        return schema == null || schema.equalsIgnoreCase(defaultSchema) ? null : schema;
    }
}
