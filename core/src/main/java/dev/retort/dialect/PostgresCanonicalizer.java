package dev.retort.dialect;

import dev.retort.schema.Cast;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.Index;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Puts a target schema's types, server defaults and check expressions into the form PostgreSQL stores them in. Types
 * are rewritten as text where that is safe ({@link PostgresTypes}); whatever else is left — defaults, checks, types
 * text can't tell — goes to the server in one go: in a transaction (or savepoint) that is always rolled back, one
 * multi-statement round trip creates temporary scratch tables carrying those types, defaults and checks (and the
 * target's enum types where the database lacks them), the same catalog queries as {@link PostgresSchemaReader} read
 * them back, and everything is rolled back. Expressions already seen in their stored form on the same connection
 * (read by {@code readSchema} or canonicalized before) skip the server.
 */
final class PostgresCanonicalizer {

    private static final String SCRATCH = "retort_canon_";
    /** PostgreSQL allows 1,600 columns per table. */
    private static final int COLUMNS_PER_SCRATCH_TABLE = 1000;
    private static final Pattern UNSIGNED_INTEGER = Pattern.compile("\\d{1,9}");
    private static final Pattern INDEX_ORDER = Pattern.compile("(?i)(.*?)\\s+(asc|desc)((?:\\s+nulls\\s+(?:first|last))?)");

    /** Per connection: a key ({@code type + default}, or {@code check + column types}) → its stored form. */
    private final Map<Connection, Map<String, String>> known = Collections.synchronizedMap(new WeakHashMap<>());

    /** Remembers what a read of the live database returned, so the same text in a target needs no server trip. */
    void remember(Connection connection, Schema live) {
        Map<String, String> map = knownFor(connection);
        for (Table table : live.tables()) {
            for (Column column : table.columns()) {
                if (column.defaultExpression() != null) {
                    String key = defaultKey(column.type(), column.defaultExpression());
                    map.put(key, column.defaultExpression());
                }
            }
            Map<String, String> types = typesOf(table, column -> column.type());
            for (CheckConstraint check : table.checks()) {
                map.put(checkKey(check.expression(), types), check.expression());
            }
        }
    }

    Schema canonicalize(Connection connection, Schema target, SchemaScope scope) throws SQLException {
        Map<String, String> known = knownFor(connection);
        Work work = new Work(scope.defaultSchema(), target.enumTypes(), target.sequences());
        for (Table table : target.tables()) {
            for (Column column : table.columns()) {
                String type = work.type(column.type());
                if (column.defaultExpression() != null) {
                    String key = defaultKey(type, column.defaultExpression());
                    String stored = known.containsKey(key) ? known.get(key) : obvious(type, column.defaultExpression());
                    if (stored == null) {
                        work.defaults.putIfAbsent(key, new String[] {column.type(), column.defaultExpression()});
                    } else {
                        known.put(key, stored);
                    }
                }
            }
            Map<String, String> types = typesOf(table, column -> work.type(column.type()));
            for (CheckConstraint check : table.checks()) {
                String key = checkKey(check.expression(), types);
                if (!known.containsKey(key)) {
                    work.checks.putIfAbsent(key, new PendingCheck(check.expression(),
                            referenced(check.expression(), table), types));
                }
            }
        }
        if (work.needsServer()) {
            askServer(connection, work, known);
        }
        return rewrite(target, work, known);
    }

    private Schema rewrite(Schema target, Work work, Map<String, String> known) {
        List<Table> tables = new ArrayList<>();
        for (Table table : target.tables()) {
            List<Column> columns = new ArrayList<>();
            for (Column c : table.columns()) {
                String type = work.type(c.type());
                String def = c.defaultExpression() == null ? null : known.get(defaultKey(type, c.defaultExpression()));
                columns.add(new Column(c.name(), type, c.nullable(), def, c.identity(), c.comment()));
            }
            Map<String, String> types = typesOf(table, column -> work.type(column.type()));
            List<CheckConstraint> checks = table.checks().stream()
                    .map(k -> new CheckConstraint(k.name(), known.get(checkKey(k.expression(), types)))).toList();
            List<Index> indexes = table.indexes().stream()
                    .map(i -> new Index(i.name(), i.columns().stream().map(PostgresCanonicalizer::indexColumn).toList(),
                            i.unique())).toList();
            tables.add(PostgresNames.named(new Table(table.schema(), table.name(), columns, table.primaryKey(),
                    table.uniqueConstraints(), indexes, table.foreignKeys(), checks, table.comment())));
        }
        List<Cast> casts = target.casts().stream().map(c -> new Cast(work.type(c.sourceType()),
                work.type(c.targetType()), c.withInout(), c.implicit())).toList();
        return new Schema(tables, target.enumTypes(), target.sequences(), casts);
    }

    /** One multi-statement round trip of DDL, three catalog queries, a rollback. */
    private void askServer(Connection connection, Work work, Map<String, String> known) throws SQLException {
        StringBuilder ddl = new StringBuilder();
        for (EnumType type : work.enums) {
            // the type may exist already; DO lets one statement list skip it instead of failing
            ddl.append("DO $retort$ BEGIN CREATE TYPE ").append(work.qualify(type.schema(), type.name()))
                    .append(" AS ENUM (").append(String.join(", ", type.labels().stream().map(PostgresCanonicalizer::literal)
                            .toList())).append("); EXCEPTION WHEN duplicate_object THEN NULL; END $retort$;\n");
        }
        if (work.defaults.values().stream().anyMatch(d -> d[1].toLowerCase(Locale.ROOT).contains("nextval"))) {
            // a default may draw from a sequence the target adds: it must exist for the default to be stored
            for (Sequence sequence : work.sequences) {
                ddl.append("CREATE SEQUENCE IF NOT EXISTS ").append(work.qualify(sequence.schema(), sequence.name()))
                        .append(";\n");
            }
        }
        List<String> names = new ArrayList<>();
        List<String[]> scratchColumns = new ArrayList<>(work.unknownTypes.stream().map(t -> new String[] {t, null})
                .toList());
        scratchColumns.addAll(work.defaults.values());
        for (int from = 0; from < scratchColumns.size(); from += COLUMNS_PER_SCRATCH_TABLE) {
            String name = SCRATCH + "d" + names.size();
            names.add(name);
            ddl.append("CREATE TEMP TABLE ").append(name).append(" (");
            List<String[]> chunk = scratchColumns.subList(from, Math.min(scratchColumns.size(),
                    from + COLUMNS_PER_SCRATCH_TABLE));
            for (int i = 0; i < chunk.size(); i++) {
                ddl.append(i == 0 ? "" : ", ").append('c').append(from + i).append(' ').append(work.ddlType(chunk.get(i)[0]));
                if (chunk.get(i)[1] != null) {
                    ddl.append(" DEFAULT ").append(chunk.get(i)[1]);
                }
            }
            ddl.append(");\n");
        }
        List<PendingCheck> checks = List.copyOf(work.checks.values());
        for (int k = 0; k < checks.size(); k++) {
            PendingCheck check = checks.get(k);
            String name = SCRATCH + "k" + k;
            names.add(name);
            List<String> parts = new ArrayList<>();
            for (Column column : check.columns()) {
                parts.add(quote(column.name()) + " " + work.ddlType(column.type()));
            }
            parts.add("CHECK (" + check.expression() + ")");
            ddl.append("CREATE TEMP TABLE ").append(name).append(" (").append(String.join(", ", parts)).append(");\n");
        }
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = autoCommit ? null : connection.setSavepoint();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        List<Table> scratch;
        try {
            try (Statement st = connection.createStatement()) {
                st.execute(ddl.toString());
            } catch (SQLException e) {
                // the position points into scratch DDL the user never wrote
                String message = e.getMessage().replaceAll("\\s*Position: \\d+\\s*$", "");
                throw new SQLException("Could not check the target schema's types, defaults and checks against the "
                        + "database: " + message + "; correct the column definition, default or check in the mapping",
                        e.getSQLState(), e);
            }
            scratch = new PostgresSchemaReader(work.defaultSchema).tables(connection,
                    PostgresSchemaReader.TableFilter.temporary(names));
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(savepoint);
            }
        }
        learn(scratch, work, scratchColumns, checks, known);
    }

    private void learn(List<Table> scratch, Work work, List<String[]> scratchColumns, List<PendingCheck> checks,
            Map<String, String> known) {
        Map<String, Table> byName = new HashMap<>();
        scratch.forEach(t -> byName.put(t.name(), t));
        Map<String, Column> columns = new HashMap<>();
        scratch.stream().filter(t -> t.name().startsWith(SCRATCH + "d")).flatMap(t -> t.columns().stream())
                .forEach(c -> columns.put(c.name(), c));
        for (int i = 0; i < scratchColumns.size(); i++) {
            Column column = columns.get("c" + i);
            String[] source = scratchColumns.get(i);
            work.serverTypes.put(source[0], column.type());
            if (source[1] != null) {
                known.put(defaultKey(work.type(source[0]), source[1]), column.defaultExpression());
                known.put(defaultKey(column.type(), column.defaultExpression()), column.defaultExpression());
            }
        }
        for (int k = 0; k < checks.size(); k++) {
            PendingCheck check = checks.get(k);
            String expression = byName.get(SCRATCH + "k" + k).checks().get(0).expression();
            Map<String, String> types = new LinkedHashMap<>();
            check.types().forEach((name, type) -> types.put(name, work.type(type)));
            known.put(checkKey(check.expression(), types), expression);
            known.put(checkKey(expression, types), expression);
        }
    }

    /** A default whose stored form is plain: a non-negative integer on an integer column, a boolean literal. */
    private static String obvious(String type, String expression) {
        String e = expression.trim();
        if (UNSIGNED_INTEGER.matcher(e).matches() && Set.of("integer", "bigint", "smallint").contains(type)) {
            return e;
        }
        if (type.equals("boolean") && (e.equalsIgnoreCase("true") || e.equalsIgnoreCase("false"))) {
            return e.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static String indexColumn(String column) {
        var m = INDEX_ORDER.matcher(column.trim());
        if (!m.matches()) {
            return column;
        }
        String nulls = m.group(3).trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean desc = m.group(2).equalsIgnoreCase("desc");
        if ((desc && nulls.equals("NULLS FIRST")) || (!desc && nulls.equals("NULLS LAST"))) {
            nulls = "";
        }
        return m.group(1) + (desc ? " DESC" : "") + (nulls.isEmpty() ? "" : " " + nulls);
    }

    /** The columns a check may mention: those whose name occurs in its text (a superset is harmless). */
    private static List<Column> referenced(String expression, Table table) {
        String lower = expression.toLowerCase(Locale.ROOT);
        return table.columns().stream().filter(c -> lower.contains(c.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** A check the server has to store once: its text, the columns it may use, the table's column types. */
    private record PendingCheck(String expression, List<Column> columns, Map<String, String> types) {
    }

    private static Map<String, String> typesOf(Table table, java.util.function.Function<Column, String> type) {
        Map<String, String> types = new LinkedHashMap<>();
        table.columns().forEach(c -> types.put(c.name().toLowerCase(Locale.ROOT), type.apply(c)));
        return types;
    }

    private static String defaultKey(String type, String expression) {
        return "d\u0000" + type + "\u0000" + expression;
    }

    private static String checkKey(String expression, Map<String, String> types) {
        String lower = expression.toLowerCase(Locale.ROOT);
        Set<String> used = new TreeSet<>();
        types.forEach((name, type) -> {
            if (lower.contains(name)) {
                used.add(name + ":" + type);
            }
        });
        return "c\u0000" + expression + "\u0000" + used;
    }

    private static String quote(String identifier) {
        return Dialect.SIMPLE_IDENTIFIER.matcher(identifier).matches() ? identifier
                : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private Map<String, String> knownFor(Connection connection) {
        return known.computeIfAbsent(connection, c -> Collections.synchronizedMap(new HashMap<>()));
    }

    /** What one canonicalization has to find out. */
    private static final class Work {
        final String defaultSchema;
        final List<EnumType> enums;
        final List<Sequence> sequences;
        final Map<String, String> enumNames = new HashMap<>();
        final Set<String> unknownTypes = new TreeSet<>();
        final Map<String, String> serverTypes = new HashMap<>();
        /** Text rewrites already made: a model repeats a handful of types thousands of times. */
        final Map<String, Optional<String>> texts = new HashMap<>();
        final Map<String, String[]> defaults = new LinkedHashMap<>();
        final Map<String, PendingCheck> checks = new LinkedHashMap<>();

        Work(String defaultSchema, List<EnumType> enums, List<Sequence> sequences) {
            this.defaultSchema = defaultSchema;
            this.enums = enums;
            this.sequences = sequences;
            for (EnumType e : enums) {
                enumNames.put(e.qualifiedName(), qualify(e.schema(), e.name()));
            }
        }

        boolean needsServer() {
            return !unknownTypes.isEmpty() || !defaults.isEmpty() || !checks.isEmpty();
        }

        /** The stored form of a type: from text, an enum of the target, or (once asked) the server. */
        String type(String type) {
            String server = serverTypes.get(type);
            if (server != null) {
                return server;
            }
            String normalized = texts.computeIfAbsent(type, t -> Optional.ofNullable(PostgresTypes.normalize(t)))
                    .orElse(null);
            if (normalized != null) {
                return normalized;
            }
            String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
            if (enumNames.containsKey(element)) {
                return type;
            }
            unknownTypes.add(type);
            return type;
        }

        /** A type as scratch DDL writes it: the target's enum types qualified, since scratch tables are temporary. */
        String ddlType(String type) {
            String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
            String qualified = enumNames.get(element);
            return qualified == null ? type : qualified + type.substring(element.length());
        }

        String qualify(String schema, String name) {
            return quote(schema == null ? defaultSchema : schema) + "."
                    + quote(name);
        }
    }
}
