package dev.retort.testkit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a schema holds, one line per object (a table, a column with its type, nullability and default, an index, a
 * foreign key, a sequence, a view, a PostgreSQL enum type), read through JDBC's {@link DatabaseMetaData}, so two
 * snapshots compare line by line. Retort's own tables are left out.
 */
record SchemaSnapshot(SortedSet<String> objects) {

    private static final Pattern GENERATED = Pattern.compile("(PRIMARY_KEY|CONSTRAINT_INDEX|CONSTRAINT|FK)_[0-9A-F]+");

    static SchemaSnapshot read(Connection connection, String schema, Set<String> ignoredTables) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String inSchema = schema != null ? schema : connection.getSchema();
        SortedSet<String> out = new TreeSet<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), inSchema, "%", null)) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String type = rs.getString("TABLE_TYPE");
                if (type == null || ignored(name, ignoredTables) || type.contains("INDEX") || type.contains("SYSTEM")
                        || type.contains("TEMPORARY")) {
                    continue;
                }
                String kind = type.toLowerCase(Locale.ROOT).replace("base table", "table");
                out.add(kind + " " + name);
                if (kind.contains("table")) {
                    tables.add(name);
                }
            }
        }
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), inSchema, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!tables.contains(table)) {
                    continue;
                }
                String def = rs.getString("COLUMN_DEF");
                out.add("column " + table + "." + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
                        + size(rs) + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : "")
                        + (def == null ? "" : " DEFAULT " + def));
            }
        }
        Set<String> generated = meta.getDatabaseProductName().equals("H2") ? h2GeneratedIndexes(connection, inSchema)
                : Set.of();
        for (String table : tables) {
            indexes(meta, connection.getCatalog(), inSchema, table, generated, out);
            foreignKeys(meta, connection.getCatalog(), inSchema, table, out);
        }
        if (meta.getDatabaseProductName().equals("PostgreSQL")) {
            enumTypes(connection, inSchema, out);
        }
        return new SchemaSnapshot(out);
    }

    private static String size(ResultSet rs) throws SQLException {
        String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
        return type.contains("char") || type.contains("numeric") || type.contains("decimal")
                ? "(" + rs.getInt("COLUMN_SIZE") + ")" : "";
    }

    /**
     * The indexes H2 made itself to back a constraint. It makes one for a foreign key only when no index covers the
     * key's columns, and when a dropped column rebuilds the table it may use the user's index instead: the same
     * schema, so these are not compared.
     */
    private static Set<String> h2GeneratedIndexes(Connection connection, String schema) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE IS_GENERATED AND TABLE_SCHEMA = ?")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void indexes(DatabaseMetaData meta, String catalog, String schema, String table,
            Set<String> generated, Set<String> out) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || generated.contains(name)) {
                    continue;
                }
                String column = rs.getString("COLUMN_NAME");
                columns.computeIfAbsent(name, k -> new ArrayList<>()).add(column == null ? "?" : column);
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        columns.forEach((name, cols) -> out.add((unique.get(name) ? "unique index " : "index ") + named(name) + " on "
                + table
                + " (" + String.join(", ", cols) + ")"));
    }

    private static void foreignKeys(DatabaseMetaData meta, String catalog, String schema, String table,
            Set<String> out) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String part = rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_NAME") + "."
                        + rs.getString("PKCOLUMN_NAME");
                keys.merge(name == null ? "?" : name, part, (a, b) -> a + ", " + b);
            }
        }
        keys.forEach((name, parts) -> out.add("foreign key " + named(name) + " on " + table + " (" + parts + ")"));
    }

    private static void enumTypes(Connection connection, String schema, Set<String> out) throws SQLException {
        String sql = "SELECT t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
                + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = ? GROUP BY t.typname";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add("enum type " + rs.getString(1) + " (" + rs.getString(2) + ")");
                }
            }
        }
    }

    /**
     * A name the database made up (H2's {@code PRIMARY_KEY_9A4}, {@code CONSTRAINT_8}) changes whenever the table is
     * rebuilt, e.g. by a dropped column; only its kind is compared.
     */
    private static String named(String name) {
        return GENERATED.matcher(name).matches() ? name.substring(0, name.lastIndexOf('_')) + "_<generated>" : name;
    }

    private static boolean ignored(String name, Set<String> ignoredTables) {
        String lower = name.toLowerCase(Locale.ROOT);
        // the audit log's identity sequence is Retort's too
        return ignoredTables.stream().anyMatch(t -> lower.equals(t) || lower.startsWith(t + "_id_seq"));
    }

    /** What this snapshot has and {@code other} has not. */
    List<String> minus(SchemaSnapshot other) {
        List<String> out = new ArrayList<>(objects);
        out.removeAll(other.objects);
        return out;
    }
}
