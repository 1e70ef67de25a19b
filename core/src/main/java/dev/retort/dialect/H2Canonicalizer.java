package dev.retort.dialect;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a target schema into the form {@link H2SchemaReader} reads: unquoted names in upper case, and types,
 * defaults and checks as H2 itself prints them. H2 rewrites expressions ({@code status in ('A','B')} is stored as
 * {@code "STATUS" IN('A', 'B')}, {@code true} as {@code TRUE}), so they go through H2: session-local temporary
 * scratch tables created {@code TRANSACTIONAL} (which, unlike other DDL in H2, does not commit the open transaction)
 * and {@code ON COMMIT DROP}, read back with the reader's queries. In autocommit the scratch tables are gone when
 * this returns; inside the caller's transaction they go at its commit, visible to no other session meanwhile.
 */
final class H2Canonicalizer {

    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INDEX_COLUMN = Pattern.compile(
            "(?i)(.*?)(?:\\s+(asc|desc))?(?:\\s+nulls\\s+(first|last))?");
    private static final AtomicLong SCRATCH = new AtomicLong();

    Schema canonicalize(Connection connection, Schema target, SchemaScope scope) throws SQLException {
        Schema folded = fold(target);
        String prefix = "RETORT_CANON_" + SCRATCH.incrementAndGet() + "_";
        // a domain can't be made in scratch (CREATE DOMAIN commits): its columns stand in as the domain's VARCHAR
        Map<String, EnumType> domains = new HashMap<>();
        folded.enumTypes().forEach(e -> domains.put(e.qualifiedName(), e));
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (Table table : folded.tables()) {
            for (Column c : table.columns()) {
                columns.putIfAbsent(key(c), new String[] {scratchType(c, domains), c.defaultExpression()});
            }
        }
        List<String> names = new ArrayList<>();
        List<String> ddl = new ArrayList<>();
        List<String> keys = new ArrayList<>(columns.keySet());
        for (int from = 0; from < keys.size(); from += 1000) {
            String name = prefix + "D" + names.size();
            names.add(name);
            List<String> parts = new ArrayList<>();
            for (int i = from; i < Math.min(keys.size(), from + 1000); i++) {
                String[] c = columns.get(keys.get(i));
                parts.add("C" + i + " " + c[0] + (c[1] == null ? "" : " DEFAULT " + c[1]));
            }
            ddl.add(scratchTable(name, parts));
        }
        List<Table> checkTables = folded.tables().stream().filter(t -> !t.checks().isEmpty()).toList();
        for (int t = 0; t < checkTables.size(); t++) {
            Table table = checkTables.get(t);
            String name = prefix + "K" + t;
            names.add(name);
            String all = String.join("\n", table.checks().stream().map(CheckConstraint::expression).toList())
                    .toUpperCase(Locale.ROOT);
            List<String> parts = new ArrayList<>();
            table.columns().stream().filter(c -> all.contains(c.name().toUpperCase(Locale.ROOT)))
                    .forEach(c -> parts.add(quote(c.name()) + " " + scratchType(c, domains)));
            for (int k = 0; k < table.checks().size(); k++) {
                // constraint names are unique in a schema, the session's temporary tables' schema included
                parts.add("CONSTRAINT " + name + "_" + k + " CHECK (" + table.checks().get(k).expression() + ")");
            }
            ddl.add(scratchTable(name, parts));
        }
        if (names.isEmpty()) {
            return folded;
        }
        List<Table> scratch = createAndRead(connection, ddl, names);
        Map<String, Table> byName = new HashMap<>();
        scratch.forEach(t -> byName.put(t.name(), t));
        Map<String, Column> canonical = new HashMap<>();
        for (int from = 0, n = 0; from < keys.size(); from += 1000, n++) {
            for (Column c : byName.get(prefix + "D" + n).columns()) {
                canonical.put(keys.get(Integer.parseInt(c.name().substring(1))), c);
            }
        }
        Map<Table, Map<String, String>> checks = new HashMap<>();
        for (int t = 0; t < checkTables.size(); t++) {
            Map<String, String> stored = new HashMap<>();
            byName.get(prefix + "K" + t).checks().forEach(k -> stored.put(k.name().substring(k.name().lastIndexOf('_')
                    + 1), k.expression()));
            checks.put(checkTables.get(t), stored);
        }
        List<Table> tables = new ArrayList<>();
        for (Table table : folded.tables()) {
            List<Column> cols = table.columns().stream().map(c -> {
                Column s = canonical.get(key(c));
                String type = domains.containsKey(c.type()) ? c.type() : s.type();
                return new Column(c.name(), type, c.nullable(), s.defaultExpression(), c.identity(), c.comment());
            }).toList();
            List<CheckConstraint> ks = new ArrayList<>();
            for (int k = 0; k < table.checks().size(); k++) {
                ks.add(new CheckConstraint(table.checks().get(k).name(), checks.get(table).get(String.valueOf(k))));
            }
            tables.add(new Table(table.schema(), table.name(), cols, table.primaryKey(), table.uniqueConstraints(),
                    table.indexes(), table.foreignKeys(), ks, table.comment()));
        }
        return new Schema(tables, folded.enumTypes(), folded.sequences(), folded.casts());
    }

    private static String scratchTable(String name, List<String> parts) {
        // TRANSACTIONAL: the only DDL H2 runs without committing the caller's open transaction
        return "CREATE LOCAL TEMPORARY TABLE " + name + " (" + String.join(", ", parts) + ") ON COMMIT DROP TRANSACTIONAL";
    }

    private static List<Table> createAndRead(Connection connection, List<String> ddl, List<String> names)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        try {
            try (Statement st = connection.createStatement()) {
                st.execute(String.join(";\n", ddl));
            } catch (SQLException e) {
                throw new SQLException("Could not check the target schema's types, defaults and checks against the "
                        + "database: " + e.getMessage().lines().findFirst().orElse("")
                        + "; correct the column definition, default or check in the mapping", e.getSQLState(), e);
            }
            return new H2SchemaReader(null).tables(connection, H2SchemaReader.TableFilter.temporary(names));
        } finally {
            if (autoCommit) {
                connection.commit(); // drops the scratch tables; there was no other work in this transaction
                connection.setAutoCommit(true);
            }
        }
    }

    private static String key(Column c) {
        return c.type() + '\u0000' + c.defaultExpression();
    }

    /** The type of a column in scratch: a domain's stand-in, or its own. */
    private static String scratchType(Column c, Map<String, EnumType> domains) {
        EnumType domain = domains.get(c.type());
        return domain == null ? c.type() : domainType(domain);
    }

    /** The type of the domain {@link H2Ddl} makes a named enum type: {@code VARCHAR} as long as the longest label. */
    private static String domainType(EnumType type) {
        return "VARCHAR(" + type.labels().stream().mapToInt(String::length).max().orElse(1) + ")";
    }

    /** Unquoted names as H2 stores them: upper case; a column of a named enum type names it so too. */
    static Schema fold(Schema s) {
        List<EnumType> enumTypes = s.enumTypes().stream().map(e -> new EnumType(name(e.schema()), name(e.name()),
                e.labels())).toList();
        Map<String, String> domains = new HashMap<>();
        for (int i = 0; i < enumTypes.size(); i++) {
            domains.put(s.enumTypes().get(i).qualifiedName(), enumTypes.get(i).qualifiedName());
        }
        List<Table> tables = s.tables().stream().map(t -> fold(t, domains)).toList();
        List<Sequence> sequences = s.sequences().stream().map(q -> new Sequence(name(q.schema()), name(q.name()),
                q.start(), q.increment())).toList();
        return new Schema(tables, enumTypes, sequences, s.casts());
    }

    private static Table fold(Table t, Map<String, String> domains) {
        List<Column> columns = t.columns().stream().map(c -> new Column(name(c.name()),
                domains.getOrDefault(c.type(), c.type()), c.nullable(), c.defaultExpression(), c.identity(),
                c.comment())).toList();
        PrimaryKey pk = t.primaryKey() == null ? null
                : new PrimaryKey(name(t.primaryKey().name()), names(t.primaryKey().columns()));
        List<UniqueConstraint> uniques = t.uniqueConstraints().stream()
                .map(u -> new UniqueConstraint(name(u.name()), names(u.columns()))).toList();
        List<Index> indexes = t.indexes().stream().map(i -> new Index(name(i.name()),
                i.columns().stream().map(H2Canonicalizer::indexColumn).toList(), i.unique())).toList();
        List<ForeignKey> fks = t.foreignKeys().stream().map(f -> new ForeignKey(name(f.name()), names(f.columns()),
                name(f.referencedSchema()), name(f.referencedTable()), names(f.referencedColumns()), f.onDelete(),
                f.onUpdate())).toList();
        List<CheckConstraint> checks = t.checks().stream()
                .map(k -> new CheckConstraint(name(k.name()), k.expression())).toList();
        return new Table(name(t.schema()), name(t.name()), columns, pk, uniques, indexes, fks, checks, t.comment());
    }

    private static String indexColumn(String column) {
        Matcher m = INDEX_COLUMN.matcher(column.trim());
        if (!m.matches()) {
            return column;
        }
        boolean desc = "desc".equalsIgnoreCase(m.group(2));
        String nulls = m.group(3) == null ? null : m.group(3).toUpperCase(Locale.ROOT);
        String out = name(m.group(1)) + (desc ? " DESC" : "");
        return nulls != null && !nulls.equals(desc ? "LAST" : "FIRST") ? out + " NULLS " + nulls : out;
    }

    private static List<String> names(List<String> names) {
        return names.stream().map(H2Canonicalizer::name).toList();
    }

    private static String name(String name) {
        return name != null && UNQUOTED.matcher(name).matches() ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static String quote(String name) {
        return UNQUOTED.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }
}
