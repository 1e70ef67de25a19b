package dev.retort.dialect;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a PostgreSQL type as DDL writes it ({@code varchar(255)}, {@code int4}, {@code timestamptz(6)},
 * {@code float(53)}, {@code text array}) into the text {@code format_type()} prints for it, without asking the server.
 * Types it doesn't know (user types, {@code interval second(6)}, …) give {@code null}: the server decides those.
 */
final class PostgresTypes {

    private static final Map<String, String> SIMPLE = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("integer", "integer"), Map.entry("int4", "integer"),
            Map.entry("bigint", "bigint"), Map.entry("int8", "bigint"),
            Map.entry("smallint", "smallint"), Map.entry("int2", "smallint"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("float4", "real"), Map.entry("real", "real"),
            Map.entry("varchar", "character varying"), Map.entry("character varying", "character varying"),
            Map.entry("char", "character(1)"), Map.entry("character", "character(1)"), Map.entry("bpchar", "bpchar"),
            Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"),
            Map.entry("text", "text"), Map.entry("bytea", "bytea"), Map.entry("oid", "oid"),
            Map.entry("uuid", "uuid"), Map.entry("json", "json"), Map.entry("jsonb", "jsonb"),
            Map.entry("date", "date"), Map.entry("xml", "xml"), Map.entry("inet", "inet"), Map.entry("cidr", "cidr"),
            Map.entry("macaddr", "macaddr"), Map.entry("money", "money"), Map.entry("interval", "interval"),
            Map.entry("tsvector", "tsvector"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamp without time zone", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp with time zone", "timestamp with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("time without time zone", "time without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time with time zone", "time with time zone"));

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ARRAY = Pattern.compile("(.*?)\\s*(?:\\s+array(?:\\s*\\[\\d*])?|(?:\\[\\d*])+)");
    private static final Pattern SIZED = Pattern.compile(
            "(varchar|character varying|char|character|bpchar|numeric|decimal|float)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Pattern TEMPORAL = Pattern.compile(
            "(timestamp|time|timestamptz|timetz)\\s*(?:\\(\\s*(\\d+)\\s*\\))?(?:\\s+(with|without)\\s+time\\s+zone)?");

    private PostgresTypes() {
    }

    /** The type as {@code format_type()} prints it, or {@code null} when only the server can tell. */
    static String normalize(String type) {
        String t = WHITESPACE.matcher(type.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        Matcher array = ARRAY.matcher(t);
        if (array.matches()) {
            String element = normalizeScalar(array.group(1));
            return element == null ? null : element + "[]";
        }
        return normalizeScalar(t);
    }

    private static String normalizeScalar(String t) {
        String simple = SIMPLE.get(t);
        if (simple != null) {
            return simple;
        }
        Matcher sized = SIZED.matcher(t);
        if (sized.matches()) {
            int n = Integer.parseInt(sized.group(2));
            String scale = sized.group(3);
            return switch (sized.group(1)) {
                case "varchar", "character varying" -> scale == null ? "character varying(" + n + ")" : null;
                case "char", "character", "bpchar" -> scale == null ? "character(" + n + ")" : null;
                case "float" -> scale != null || n < 1 || n > 53 ? null : n <= 24 ? "real" : "double precision";
                default -> "numeric(" + n + "," + (scale == null ? "0" : scale) + ")";
            };
        }
        Matcher temporal = TEMPORAL.matcher(t);
        if (temporal.matches()) {
            String base = temporal.group(1);
            boolean zoned = base.endsWith("tz") || "with".equals(temporal.group(3));
            if (base.endsWith("tz") && temporal.group(3) != null) {
                return null;
            }
            String name = base.startsWith("timestamp") ? "timestamp" : "time";
            String precision = temporal.group(2) == null ? "" : "(" + temporal.group(2) + ")";
            return name + precision + (zoned ? " with time zone" : " without time zone");
        }
        return null;
    }
}
