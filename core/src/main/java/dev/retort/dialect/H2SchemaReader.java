package dev.retort.dialect;

import static dev.retort.dialect.CatalogQuery.query;

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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an H2 2.x schema from {@code INFORMATION_SCHEMA} with five bulk queries: columns, constraints, indexes,
 * sequences, domains. A domain checked {@code VALUE IN(…)} is a named enum type (Hibernate's named enums on H2), and
 * a column of a domain has the domain's name as its type. Other types come back as H2 names them ({@code CHARACTER VARYING(255)}, {@code NUMERIC(19, 4)},
 * {@code TIMESTAMP(6) WITH TIME ZONE}, {@code ENUM('A', 'B')}, {@code INTEGER ARRAY}), defaults and checks as H2
 * prints them ({@code "STATUS" IN('A', 'B')}). Names H2 made up for unnamed constraints ({@code CONSTRAINT_1F}) change
 * from one database to the next, so they come back as {@code null}. Globs and ignored tables match regardless of case,
 * since H2 stores unquoted names in upper case.
 */
final class H2SchemaReader {

    private static final Pattern GENERATED_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+");

    /** Which tables: a condition on the columns {@code TABLE_SCHEMA}, {@code TABLE_NAME} of alias {@code x}. */
    record TableFilter(String where, List<Object> parameters, String tableType) {

        static TableFilter of(SchemaScope scope) {
            StringBuilder where = new StringBuilder("x.TABLE_SCHEMA = ANY(?)");
            List<Object> parameters = new ArrayList<>();
            parameters.add(scope.schemas().toArray(String[]::new));
            if (!scope.includeTables().isEmpty()) {
                where.append(" AND (").append(String.join(" OR ",
                        scope.includeTables().stream().map(g -> "UPPER(x.TABLE_NAME) LIKE UPPER(?) ESCAPE '\\'")
                                .toList())).append(')');
                scope.includeTables().forEach(g -> parameters.add(like(g)));
            }
            for (String glob : scope.excludeTables()) {
                where.append(" AND UPPER(x.TABLE_NAME) NOT LIKE UPPER(?) ESCAPE '\\'");
                parameters.add(like(glob));
            }
            where.append(" AND NOT UPPER(x.TABLE_NAME) = ANY(?)");
            parameters.add(scope.ignoredTables().stream().map(t -> t.toUpperCase(Locale.ROOT)).toArray(String[]::new));
            return new TableFilter(where.toString(), parameters, "BASE TABLE");
        }

        /** The session's temporary tables of these names (the canonicalizer's scratch tables). */
        static TableFilter temporary(List<String> names) {
            return new TableFilter("x.TABLE_NAME = ANY(?)", List.of((Object) names.toArray(String[]::new)),
                    "LOCAL TEMPORARY");
        }

        String on(String alias) {
            return where.replace("x.", alias + ".");
        }

        private static String like(String glob) {
            return glob.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%')
                    .replace('?', '_');
        }
    }

    private static final String COLUMNS = "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.REMARKS, c.COLUMN_NAME,"
            + " c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION, c.NUMERIC_SCALE, c.DATETIME_PRECISION,"
            + " c.COLUMN_DEFAULT, c.IS_NULLABLE, c.IS_IDENTITY, c.IDENTITY_GENERATION, c.REMARKS,"
            + " e.DATA_TYPE, e.CHARACTER_MAXIMUM_LENGTH, e.NUMERIC_PRECISION, e.NUMERIC_SCALE, e.DATETIME_PRECISION,"
            + " CASE WHEN c.DATA_TYPE = 'ENUM' THEN (SELECT LISTAGG('''' || REPLACE(v.VALUE_NAME, '''', '''''') || '''',"
            + " ', ') WITHIN GROUP (ORDER BY v.VALUE_ORDINAL) FROM INFORMATION_SCHEMA.ENUM_VALUES v"
            + " WHERE v.OBJECT_SCHEMA = c.TABLE_SCHEMA AND v.OBJECT_NAME = c.TABLE_NAME AND v.OBJECT_TYPE = 'TABLE'"
            + " AND v.ENUM_IDENTIFIER = c.DTD_IDENTIFIER) END, c.DOMAIN_SCHEMA, c.DOMAIN_NAME"
            + " FROM INFORMATION_SCHEMA.TABLES t LEFT JOIN INFORMATION_SCHEMA.COLUMNS c"
            + " ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.IS_GENERATED = 'NEVER'"
            + " LEFT JOIN INFORMATION_SCHEMA.ELEMENT_TYPES e ON e.OBJECT_SCHEMA = c.TABLE_SCHEMA"
            + " AND e.OBJECT_NAME = c.TABLE_NAME AND e.OBJECT_TYPE = 'TABLE' AND e.COLLECTION_TYPE_IDENTIFIER = c.DTD_IDENTIFIER"
            + " WHERE t.TABLE_TYPE = ? AND %s ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME, c.ORDINAL_POSITION";

    private static final String CONSTRAINTS = "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME,"
            + " tc.CONSTRAINT_TYPE, k.COLUMN_NAME, rk.TABLE_SCHEMA, rk.TABLE_NAME, rk.COLUMN_NAME, rc.DELETE_RULE,"
            + " rc.UPDATE_RULE, cc.CHECK_CLAUSE"
            + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
            + " LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE rk ON rk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
            + " AND rk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME AND rk.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT"
            + " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK') AND %s"
            + " ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_TYPE, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    // indexes H2 made for a constraint are IS_GENERATED; one a user made may still back a key or unique constraint
    private static final String INDEXES = "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME,"
            + " ic.COLUMN_NAME, ic.ORDERING_SPECIFICATION, ic.NULL_ORDERING"
            + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic"
            + " ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME"
            + " WHERE NOT i.IS_GENERATED AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
            + " WHERE tc.INDEX_SCHEMA = i.INDEX_SCHEMA AND tc.INDEX_NAME = i.INDEX_NAME"
            + " AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')) AND %s"
            + " ORDER BY i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, ic.ORDINAL_POSITION";

    private static final String SEQUENCES = "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, START_VALUE, INCREMENT"
            + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ANY(?) ORDER BY 1, 2";

    // a domain with one check VALUE IN(…) is a named enum type, as Hibernate makes one on H2
    private static final String DOMAINS = "SELECT d.DOMAIN_SCHEMA, d.DOMAIN_NAME, MIN(cc.CHECK_CLAUSE), COUNT(cc.CHECK_CLAUSE)"
            + " FROM INFORMATION_SCHEMA.DOMAINS d LEFT JOIN INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS dc"
            + " ON dc.DOMAIN_SCHEMA = d.DOMAIN_SCHEMA AND dc.DOMAIN_NAME = d.DOMAIN_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = dc.CONSTRAINT_SCHEMA"
            + " AND cc.CONSTRAINT_NAME = dc.CONSTRAINT_NAME WHERE d.DOMAIN_SCHEMA = ANY(?)"
            + " GROUP BY d.DOMAIN_SCHEMA, d.DOMAIN_NAME ORDER BY 1, 2";
    private static final Pattern ENUM_CHECK = Pattern.compile("VALUE IN\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    private final String defaultSchema;

    H2SchemaReader(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    Schema read(Connection connection, SchemaScope scope) throws SQLException {
        List<Table> tables = tables(connection, TableFilter.of(scope));
        List<Sequence> sequences = new ArrayList<>();
        query(connection, SEQUENCES, List.of((Object) scope.schemas().toArray(String[]::new)), rs -> sequences.add(
                new Sequence(schema(rs.getString(1)), rs.getString(2), rs.getLong(3), rs.getLong(4))));
        List<EnumType> enumTypes = new ArrayList<>();
        query(connection, DOMAINS, List.of((Object) scope.schemas().toArray(String[]::new)), rs -> {
            Matcher check = ENUM_CHECK.matcher(rs.getInt(4) == 1 ? rs.getString(3) : "");
            if (check.matches()) {
                List<String> labels = new ArrayList<>();
                Matcher literal = LITERAL.matcher(check.group(1));
                while (literal.find()) {
                    labels.add(literal.group(1).replace("''", "'"));
                }
                enumTypes.add(new EnumType(schema(rs.getString(1)), rs.getString(2), labels));
            }
        });
        return new Schema(tables, enumTypes, sequences, List.of());
    }

    List<Table> tables(Connection connection, TableFilter filter) throws SQLException {
        Map<String, Builder> tables = new LinkedHashMap<>();
        List<Object> columnParameters = new ArrayList<>();
        columnParameters.add(filter.tableType());
        columnParameters.addAll(filter.parameters());
        query(connection, COLUMNS.formatted(filter.on("t")), columnParameters, rs -> {
            String key = rs.getString(1) + '\u0000' + rs.getString(2);
            Builder table = tables.get(key);
            if (table == null) {
                table = new Builder(schema(rs.getString(1)), rs.getString(2), emptyToNull(rs.getString(3)));
                tables.put(key, table);
            }
            if (rs.getString(4) != null) {
                String type = type(rs.getString(5), rs.getObject(6), rs.getObject(7), rs.getObject(8),
                        rs.getObject(9), rs.getString(20));
                if (rs.getString(22) != null) {
                    String domainSchema = schema(rs.getString(21));
                    type = domainSchema == null ? rs.getString(22) : domainSchema + "." + rs.getString(22);
                } else if (rs.getString(5).equals("ARRAY")) {
                    type = type(rs.getString(15), rs.getObject(16), rs.getObject(17), rs.getObject(18),
                            rs.getObject(19), null) + " ARRAY";
                }
                Column.Identity identity = !"YES".equals(rs.getString(12)) ? null
                        : "ALWAYS".equals(rs.getString(13)) ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT;
                table.columns.add(new Column(rs.getString(4), type, "YES".equals(rs.getString(11)),
                        identity == null ? rs.getString(10) : null, identity, emptyToNull(rs.getString(14))));
            }
        });
        Map<String, Object[]> constraints = new LinkedHashMap<>();
        query(connection, CONSTRAINTS.formatted(filter.on("tc")), filter.parameters(), rs -> {
            String key = rs.getString(1) + '\u0000' + rs.getString(2);
            if (!tables.containsKey(key)) {
                return;
            }
            Object[] c = constraints.computeIfAbsent(key + '\u0000' + rs.getString(3), k -> new Object[] {key, null,
                    null, new ArrayList<String>(), null, null, new ArrayList<String>(), null, null, null});
            c[1] = rs.getString(3);
            c[2] = rs.getString(4);
            if (rs.getString(5) != null) {
                cast(c[3]).add(rs.getString(5));
            }
            c[4] = rs.getString(6);
            c[5] = rs.getString(7);
            if (rs.getString(8) != null) {
                cast(c[6]).add(rs.getString(8));
            }
            c[7] = rs.getString(9);
            c[8] = rs.getString(10);
            c[9] = rs.getString(11);
        });
        for (Object[] c : constraints.values()) {
            Builder table = tables.get((String) c[0]);
            String name = GENERATED_NAME.matcher((String) c[1]).matches() ? null : (String) c[1];
            List<String> columns = cast(c[3]);
            switch ((String) c[2]) {
                case "PRIMARY KEY" -> table.primaryKey = new PrimaryKey(name, columns);
                case "UNIQUE" -> table.uniques.add(new UniqueConstraint(name, columns));
                case "FOREIGN KEY" -> table.foreignKeys.add(new ForeignKey(name, columns, schema((String) c[4]),
                        (String) c[5], cast(c[6]), action((String) c[7]), action((String) c[8])));
                default -> table.checks.add(new CheckConstraint(name, (String) c[9]));
            }
        }
        Map<String, Object[]> indexes = new LinkedHashMap<>();
        query(connection, INDEXES.formatted(filter.on("i")), filter.parameters(), rs -> {
            String key = rs.getString(1) + '\u0000' + rs.getString(2);
            if (!tables.containsKey(key)) {
                return;
            }
            Object[] i = indexes.computeIfAbsent(key + '\u0000' + rs.getString(3), k -> new Object[] {key, null,
                    null, new ArrayList<String>()});
            i[1] = rs.getString(3);
            i[2] = rs.getString(4);
            boolean desc = "DESC".equals(rs.getString(6));
            String nulls = rs.getString(7);
            String column = rs.getString(5) + (desc ? " DESC" : "");
            if (nulls != null && !nulls.equals(desc ? "LAST" : "FIRST")) {
                column += " NULLS " + nulls;
            }
            cast(i[3]).add(column);
        });
        for (Object[] i : indexes.values()) {
            tables.get((String) i[0]).indexes.add(new Index((String) i[1], cast(i[3]),
                    "UNIQUE INDEX".equals(i[2])));
        }
        return tables.values().stream().map(Builder::build).toList();
    }

    /** The type as H2 writes it in DDL, with its length, precision or scale. */
    static String type(String dataType, Object length, Object precision, Object scale, Object datetimePrecision,
            String enumLabels) {
        return switch (dataType) {
            case "CHARACTER VARYING", "CHARACTER", "VARCHAR_IGNORECASE", "BINARY VARYING", "BINARY" ->
                    dataType + "(" + length + ")";
            case "NUMERIC", "DECIMAL" -> dataType + "(" + precision + ", " + scale + ")";
            case "DECFLOAT" -> dataType + "(" + precision + ")";
            case "TIMESTAMP", "TIME" -> dataType + "(" + datetimePrecision + ")";
            case "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE" ->
                    dataType.replaceFirst(" ", "(" + datetimePrecision + ") ");
            case "ENUM" -> "ENUM(" + enumLabels + ")";
            default -> dataType;
        };
    }

    private String schema(String schema) {
        return schema == null || schema.equals(defaultSchema) ? null : schema;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static ReferentialAction action(String rule) {
        if (rule == null) {
            return null;
        }
        return switch (rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> cast(Object list) {
        return (List<String>) list;
    }

    private static final class Builder {
        final String schema;
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        Builder(String schema, String name, String comment) {
            this.schema = schema;
            this.name = name;
            this.comment = comment;
        }

        Table build() {
            return new Table(schema, name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment);
        }
    }
}
