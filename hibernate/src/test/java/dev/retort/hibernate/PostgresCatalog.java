package dev.retort.hibernate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a PostgreSQL database's public schema holds, one line per object, straight from pg_catalog. */
final class PostgresCatalog {

    private static final String[] QUERIES = {
        // columns in order, with PostgreSQL's own type, default, identity and comment
        """
        SELECT 'column ' || c.relname || '.' || a.attname || ' #' || a.attnum || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
               || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
               || CASE a.attidentity WHEN 'd' THEN ' identity by default' WHEN 'a' THEN ' identity always' ELSE '' END
               || coalesce(' comment ' || col_description(c.oid, a.attnum), '')
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        """,
        "SELECT 'table ' || c.relname || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'public' AND c.relkind = 'r'",
        "SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'public'",
        // indexes that back no constraint
        "SELECT 'index ' || i.indexname || ' ' || i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)",
        "SELECT 'sequence ' || sequencename || ' start ' || start_value || ' increment ' || increment_by"
            + " FROM pg_sequences WHERE schemaname = 'public'",
        "SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname",
        "SELECT 'cast ' || format_type(castsource, NULL) || ' -> ' || format_type(casttarget, NULL) || ' '"
            + " || castcontext::text || castmethod::text FROM pg_cast WHERE castsource IN (SELECT enumtypid FROM pg_enum)"
            + " OR casttarget IN (SELECT enumtypid FROM pg_enum)",
    };

    private PostgresCatalog() {
    }

    /** Every object, sorted. */
    static List<String> dump(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
