package dev.retort.dialect;

import dev.retort.ops.AddEnumValue;
import dev.retort.ops.CreateCast;
import dev.retort.ops.CreateEnumType;
import dev.retort.ops.DropCast;
import dev.retort.ops.DropEnumType;
import dev.retort.ops.EnumColumn;
import dev.retort.ops.RecreateEnumType;
import dev.retort.schema.Cast;
import dev.retort.schema.EnumType;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL's SQL for schema operations: named enum types, their values and casts included. */
final class PostgresDdl extends Ddl {

    PostgresDdl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void createEnumType(CreateEnumType o, List<String> out) {
        out.add(createType(o.type(), o.type().name()));
    }

    private String createType(EnumType type, String name) {
        return "CREATE TYPE " + table(type.schema(), name) + " AS ENUM ("
                + type.labels().stream().map(dialect::literal).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    protected void dropEnumType(DropEnumType o, List<String> out) {
        out.add("DROP TYPE " + table(o.type().schema(), o.type().name()));
    }

    /** {@code IF NOT EXISTS}: the revision runs outside a transaction, so a re-run after a failure must pass it. */
    @Override
    protected void addEnumValue(AddEnumValue o, List<String> out) {
        out.add("ALTER TYPE " + table(o.type().schema(), o.type().name()) + " ADD VALUE IF NOT EXISTS "
                + dialect.literal(o.value())
                + (o.before() != null ? " BEFORE " + dialect.literal(o.before())
                        : o.after() != null ? " AFTER " + dialect.literal(o.after()) : ""));
    }

    @Override
    protected void recreateEnumType(RecreateEnumType o, List<String> out) {
        EnumType to = o.to();
        String type = table(to.schema(), to.name());
        String old = to.name() + "_old";
        o.casts().forEach(c -> out.add(dropCast(c)));
        out.add("ALTER TYPE " + type + " RENAME TO " + q(old));
        out.add(createType(to, to.name()));
        for (EnumColumn c : o.columns()) {
            String column = alterColumn(c.schema(), c.table(), c.column());
            if (c.defaultExpression() != null) {
                out.add(column + " DROP DEFAULT");
            }
            out.add(column + " TYPE " + type + " USING " + q(c.column()) + "::text::" + type);
            if (c.defaultExpression() != null) {
                out.add(column + " SET DEFAULT " + c.defaultExpression());
            }
        }
        out.add("DROP TYPE " + table(to.schema(), old));
        o.casts().forEach(c -> out.add(createCast(c)));
    }

    @Override
    protected void createCast(CreateCast o, List<String> out) {
        out.add(createCast(o.cast()));
    }

    private String createCast(Cast c) {
        return "CREATE CAST (" + c.sourceType() + " AS " + c.targetType() + ")"
                + (c.withInout() ? " WITH INOUT" : " WITHOUT FUNCTION") + (c.implicit() ? " AS IMPLICIT" : "");
    }

    @Override
    protected void dropCast(DropCast o, List<String> out) {
        out.add(dropCast(o.cast()));
    }

    private String dropCast(Cast c) {
        return "DROP CAST (" + c.sourceType() + " AS " + c.targetType() + ")";
    }
}
