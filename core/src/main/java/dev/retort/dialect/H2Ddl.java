package dev.retort.dialect;

import dev.retort.ops.AddEnumValue;
import dev.retort.ops.AlterColumnIdentity;
import dev.retort.ops.AlterColumnType;
import dev.retort.ops.CreateEnumType;
import dev.retort.ops.DropEnumType;
import dev.retort.ops.EnumColumn;
import dev.retort.ops.RecreateEnumType;
import dev.retort.schema.EnumType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * H2's SQL for schema operations. A named enum type is a domain, as Hibernate makes it on H2: {@code VARCHAR} as long
 * as the longest label, checked against the labels. H2 has no user-defined casts; those operations fail.
 */
final class H2Ddl extends Ddl {

    /** Names H2 folds to: upper-case letters, digits and underscores. */
    private static final Pattern FOLDED = Pattern.compile("[A-Z_][A-Z0-9_]*");
    /** H2's reserved words, which stay quoted. */
    private static final Set<String> RESERVED = Set.of("ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC",
            "AUTHORIZATION", "BETWEEN", "BOTH", "CASE", "CAST", "CHECK", "CONSTRAINT", "CROSS", "CURRENT_CATALOG",
            "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "DAY", "DEFAULT", "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR",
            "FOREIGN", "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INNER", "INTERSECT",
            "INTERVAL", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP",
            "MINUS", "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER", "PARTITION",
            "PRIMARY", "QUALIFY", "RANGE", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT",
            "SESSION_USER", "SET", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TO", "TOP", "TRAILING", "TRUE",
            "UESCAPE", "UNION", "UNIQUE", "UNKNOWN", "USER", "USING", "VALUE", "VALUES", "WHEN", "WHERE", "WINDOW",
            "WITH", "YEAR", "_ROWID_");

    H2Ddl(Dialect dialect) {
        super(dialect);
    }

    /** A name H2 stores upper case is written in lower case, unquoted (H2 folds it back); others are quoted. */
    @Override
    protected String q(String identifier) {
        return FOLDED.matcher(identifier).matches() && !RESERVED.contains(identifier)
                ? identifier.toLowerCase(java.util.Locale.ROOT) : dialect.quote(identifier);
    }

    @Override
    protected String table(String schema, String name) {
        return schema == null ? q(name) : q(schema) + "." + q(name);
    }

    @Override
    protected void createEnumType(CreateEnumType o, List<String> out) {
        out.add(createDomain(o.type()));
    }

    /** {@code CREATE DOMAIN … AS VARCHAR(n) CHECK (VALUE IN (…))}, n the longest label's length. */
    private String createDomain(EnumType type) {
        return "CREATE DOMAIN " + table(type.schema(), type.name()) + " AS VARCHAR(" + length(type) + ")"
                + " CHECK (VALUE IN (" + type.labels().stream().map(dialect::literal).collect(Collectors.joining(", "))
                + "))";
    }

    /**
     * {@code CASCADE}: Hibernate's {@code HTE_} global temporary tables, made when it starts, use the domain too; H2
     * turns such columns into the domain's {@code VARCHAR} with its check, so no value is lost.
     */
    @Override
    protected void dropEnumType(DropEnumType o, List<String> out) {
        out.add("DROP DOMAIN " + table(o.type().schema(), o.type().name()) + " CASCADE");
    }

    /** H2 can't change a domain's type (a longer label needs a longer {@code VARCHAR}): the domain is recreated. */
    @Override
    protected void addEnumValue(AddEnumValue o, List<String> out) {
        recreateDomain(o.type(), o.result(), o.columns(), out);
    }

    @Override
    protected void recreateEnumType(RecreateEnumType o, List<String> out) {
        recreateDomain(o.from(), o.to(), o.columns(), out);
    }

    /**
     * Its columns become plain {@code VARCHAR} (keeping their values, defaults and NOT NULL), the domain is made
     * again, and they take it back. Not by way of {@code ALTER DOMAIN … RENAME}: H2 2.4 keeps the old name in a
     * column's stored definition, and a file database then fails to open.
     */
    private void recreateDomain(EnumType from, EnumType to, List<EnumColumn> columns, List<String> out) {
        String wide = "VARCHAR(" + Math.max(length(from), length(to)) + ")";
        columns.forEach(c -> out.add(alterColumn(c.schema(), c.table(), c.column()) + " SET DATA TYPE " + wide));
        out.add("DROP DOMAIN " + table(from.schema(), from.name()) + " CASCADE");
        out.add(createDomain(to));
        columns.forEach(c -> out.add(alterColumn(c.schema(), c.table(), c.column()) + " SET DATA TYPE "
                + table(to.schema(), to.name())));
    }

    private static int length(EnumType type) {
        return type.labels().stream().mapToInt(String::length).max().orElse(1);
    }

    /** H2 makes a column an identity column with {@code SET GENERATED …}; it has no {@code ADD GENERATED}. */
    @Override
    protected String alterColumnIdentity(AlterColumnIdentity o) {
        return o.to() == null ? super.alterColumnIdentity(o)
                : alterColumn(o.schema(), o.table(), o.column()) + " SET" + generated(o.to());
    }

    /** H2 converts the values itself and has no {@code USING}. */
    @Override
    protected String alterColumnType(AlterColumnType o) {
        return alterColumn(o.schema(), o.table(), o.column()) + " SET DATA TYPE " + o.toType();
    }

    /** H2 names an unnamed primary key {@code CONSTRAINT_xx}, which only reading the database can tell. */
    @Override
    protected String defaultPrimaryKeyName(String table) {
        throw new IllegalArgumentException("Can't drop the unnamed primary key of table " + table + " on H2");
    }
}
