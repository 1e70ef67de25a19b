package dev.retort.dialect;

import static dev.retort.dialect.CatalogQuery.query;

import dev.retort.schema.Cast;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.ForeignKey.ReferentialAction;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.SchemaScope;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog} with six bulk queries, whatever the number of tables: tables
 * and columns, constraints, indexes, enum types, sequences, casts. The scope's filters are part of each query, so
 * tables out of scope are never read; objects that belong to an extension ({@code pg_depend.deptype = 'e'}, e.g.
 * PostGIS's {@code spatial_ref_sys}) are left out.
 */
final class PostgresSchemaReader {

    /** The tables a query looks at, as a CTE {@code t(oid, nspname, relname)} and the values it binds. */
    record TableFilter(String where, List<Object> parameters) {

        static TableFilter of(SchemaScope scope) {
            return new TableFilter("n.nspname = ANY(?) AND (cardinality(?::text[]) = 0 OR c.relname LIKE ANY(?))"
                    + " AND NOT c.relname LIKE ANY(?) AND NOT c.relname = ANY(?)",
                    List.<Object>of(scope.schemas().toArray(String[]::new), likes(scope.includeTables()),
                            likes(scope.includeTables()), likes(scope.excludeTables()),
                            scope.ignoredTables().toArray(String[]::new)));
        }

        /** The session's temporary tables of these names (the canonicalizer's scratch tables). */
        static TableFilter temporary(List<String> names) {
            return new TableFilter("c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relname = ANY(?)",
                    List.of((Object) names.toArray(String[]::new)));
        }

        String cte() {
            return "WITH t AS (SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " + where
                    + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass"
                    + " AND d.objid = c.oid AND d.deptype = 'e')) ";
        }

        private static String[] likes(List<String> globs) {
            return globs.stream().map(g -> g.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    .replace('*', '%').replace('?', '_')).toArray(String[]::new);
        }
    }

    private static final String COLUMNS = "SELECT t.nspname, t.relname, td.description, a.attname,"
            + " pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END,"
            + " a.attidentity, cd.description, t.oid, a.attnum"
            + " FROM t LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
            + " LEFT JOIN pg_catalog.pg_description td ON td.objoid = t.oid"
            + " AND td.classoid = 'pg_catalog.pg_class'::regclass AND td.objsubid = 0"
            + " LEFT JOIN pg_catalog.pg_description cd ON cd.objoid = t.oid"
            + " AND cd.classoid = 'pg_catalog.pg_class'::regclass AND cd.objsubid = a.attnum"
            + " ORDER BY t.oid, a.attnum";

    // column numbers, not names: names come from the columns already read (a per-row lookup here costs more than
    // the rest of the query); only a foreign key to a table outside the scope has its column names looked up
    private static final String CONSTRAINTS = "SELECT t.nspname, t.relname, co.conname, co.contype,"
            + " co.conkey::int[], rn.nspname, rc.relname,"
            + " CASE WHEN co.contype = 'f' AND NOT EXISTS (SELECT 1 FROM t r WHERE r.oid = co.confrelid) THEN"
            + " ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.num ORDER BY k.ord) END,"
            + " co.confdeltype, co.confupdtype,"
            + " CASE WHEN co.contype = 'c' THEN pg_catalog.pg_get_expr(co.conbin, co.conrelid) END,"
            + " co.conrelid, co.confrelid, co.confkey::int[]"
            + " FROM t JOIN pg_catalog.pg_constraint co ON co.conrelid = t.oid AND co.contype IN ('p', 'u', 'f', 'c')"
            + " LEFT JOIN pg_catalog.pg_class rc ON rc.oid = co.confrelid"
            + " LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace"
            + " ORDER BY co.conrelid, co.contype, co.conname";

    private static final String INDEXES = "SELECT t.nspname, t.oid, ic.relname, i.indisunique,"
            + " ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false)"
            + " || CASE WHEN i.indoption[k - 1] & 1 <> 0 THEN ' DESC' ELSE '' END"
            + " || CASE WHEN i.indoption[k - 1] & 3 = 2 THEN ' NULLS FIRST'"
            + " WHEN i.indoption[k - 1] & 3 = 1 THEN ' NULLS LAST' ELSE '' END"
            + " FROM generate_series(1, i.indnkeyatts) k ORDER BY k)"
            + " FROM t JOIN pg_catalog.pg_index i ON i.indrelid = t.oid"
            + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
            + " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co WHERE co.conindid = i.indexrelid"
            + " AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x'))"
            + " ORDER BY t.oid, ic.relname";

    private static final String NOT_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
            + " WHERE d.classid = '%s'::regclass AND d.objid = %s AND d.deptype = 'e')";

    private static final String ENUM_TYPES_IN_SCOPE = "SELECT ty.oid FROM pg_catalog.pg_type ty"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = ty.typnamespace"
            + " WHERE ty.typtype = 'e' AND n.nspname = ANY(?)" + NOT_EXTENSION.formatted("pg_catalog.pg_type", "ty.oid");

    private static final String ENUMS = "SELECT n.nspname, ty.typname,"
            + " ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = ty.oid ORDER BY e.enumsortorder)"
            + " FROM pg_catalog.pg_type ty JOIN pg_catalog.pg_namespace n ON n.oid = ty.typnamespace"
            + " WHERE ty.oid IN (" + ENUM_TYPES_IN_SCOPE + ") ORDER BY n.nspname, ty.typname";

    // owned by a column: serial ('a' with a column) and identity ('i') sequences belong to their column
    private static final String SEQUENCES = "SELECT n.nspname, c.relname, s.seqstart, s.seqincrement"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid"
            + " WHERE c.relkind = 'S' AND n.nspname = ANY(?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass"
            + " AND d.objid = c.oid AND (d.deptype IN ('e', 'i') OR (d.deptype = 'a'"
            + " AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjsubid > 0)))"
            + " ORDER BY n.nspname, c.relname";

    private static final String CASTS = "SELECT pg_catalog.format_type(ca.castsource, NULL),"
            + " pg_catalog.format_type(ca.casttarget, NULL), ca.castmethod, ca.castcontext"
            + " FROM pg_catalog.pg_cast ca WHERE (ca.castsource IN (" + ENUM_TYPES_IN_SCOPE + ")"
            + " OR ca.casttarget IN (" + ENUM_TYPES_IN_SCOPE + "))"
            + NOT_EXTENSION.formatted("pg_catalog.pg_cast", "ca.oid")
            + " ORDER BY 1, 2";

    private final String defaultSchema;

    PostgresSchemaReader(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    Schema read(Connection connection, SchemaScope scope) throws SQLException {
        List<Table> tables = tables(connection, TableFilter.of(scope));
        String[] schemas = scope.schemas().toArray(String[]::new);
        return new Schema(tables, enums(connection, schemas), sequences(connection, schemas),
                casts(connection, schemas));
    }

    /** The tables the filter selects, with everything on them: three queries. */
    List<Table> tables(Connection connection, TableFilter filter) throws SQLException {
        Map<Long, TableBuilder> tables = new HashMap<>();
        query(connection, filter.cte() + COLUMNS, filter.parameters(), rs -> {
            TableBuilder table = tables.get(rs.getLong(10));
            if (table == null) {
                table = new TableBuilder(rs.getString(1), schema(rs, 1), rs.getString(2), rs.getString(3));
                tables.put(rs.getLong(10), table);
            }
            if (rs.getString(4) != null) {
                String identity = rs.getString(8);
                table.columns.add(new Column(rs.getString(4), type(rs.getString(5)), !rs.getBoolean(6),
                        rs.getString(7), identity(identity), rs.getString(9)));
                table.attnums.put(rs.getInt(11), rs.getString(4));
            }
        });
        query(connection, filter.cte() + CONSTRAINTS, filter.parameters(), rs -> {
            TableBuilder table = tables.get(rs.getLong(12));
            String name = rs.getString(3);
            List<String> columns = table.names(rs.getArray(5));
            switch (rs.getString(4)) {
                case "p" -> table.primaryKey = new PrimaryKey(name, columns);
                case "u" -> table.uniques.add(new UniqueConstraint(name, columns));
                case "f" -> {
                    TableBuilder referenced = tables.get(rs.getLong(13));
                    List<String> referencedColumns = referenced == null ? strings(rs.getArray(8))
                            : referenced.names(rs.getArray(14));
                    table.foreignKeys.add(new ForeignKey(name, columns, schema(rs, 6), rs.getString(7),
                            referencedColumns, action(rs.getString(9)), action(rs.getString(10))));
                }
                default -> table.checks.add(new CheckConstraint(name, rs.getString(11)));
            }
        });
        query(connection, filter.cte() + INDEXES, filter.parameters(), rs -> tables.get(rs.getLong(2)).indexes
                .add(new Index(rs.getString(3), strings(rs.getArray(5)), rs.getBoolean(4))));
        return tables.values().stream()
                .sorted(Comparator.comparing((TableBuilder t) -> t.rawSchema).thenComparing(t -> t.name))
                .map(TableBuilder::build).toList();
    }

    private List<EnumType> enums(Connection connection, String[] schemas) throws SQLException {
        List<EnumType> enums = new ArrayList<>();
        query(connection, ENUMS, List.of((Object) schemas), rs -> enums.add(new EnumType(schema(rs, 1), rs.getString(2),
                strings(rs.getArray(3)))));
        return enums;
    }

    private List<Sequence> sequences(Connection connection, String[] schemas) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        query(connection, SEQUENCES, List.of((Object) schemas), rs -> sequences.add(new Sequence(schema(rs, 1),
                rs.getString(2), rs.getLong(3), rs.getLong(4))));
        return sequences;
    }

    private List<Cast> casts(Connection connection, String[] schemas) throws SQLException {
        List<Cast> casts = new ArrayList<>();
        query(connection, CASTS, List.<Object>of(schemas, schemas), rs -> casts.add(new Cast(type(rs.getString(1)),
                type(rs.getString(2)), "i".equals(rs.getString(3)), "i".equals(rs.getString(4)))));
        return casts;
    }

    /** A type as {@code format_type} prints it, without the default schema's name in front of a user type. */
    String type(String formatted) {
        for (String prefix : List.of(defaultSchema + ".", '"' + defaultSchema.replace("\"", "\"\"") + "\".")) {
            if (formatted.startsWith(prefix)) {
                return formatted.substring(prefix.length());
            }
        }
        return formatted;
    }

    private String schema(ResultSet rs, int column) throws SQLException {
        String schema = rs.getString(column);
        return schema == null || schema.equals(defaultSchema) ? null : schema;
    }

    private static Column.Identity identity(String code) {
        return switch (code == null ? "" : code) {
            case "a" -> Column.Identity.ALWAYS;
            case "d" -> Column.Identity.BY_DEFAULT;
            default -> null;
        };
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static final class TableBuilder {
        final String rawSchema;
        final Map<Integer, String> attnums = new HashMap<>();
        final String schema;
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        TableBuilder(String rawSchema, String schema, String name, String comment) {
            this.rawSchema = rawSchema;
            this.schema = schema;
            this.name = name;
            this.comment = comment;
        }

        List<String> names(Array attnums) throws SQLException {
            List<String> names = new ArrayList<>();
            if (attnums != null) {
                for (Integer n : (Integer[]) attnums.getArray()) {
                    names.add(this.attnums.get(n));
                }
            }
            return names;
        }

        Table build() {
            return new Table(schema, name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment);
        }
    }
}
