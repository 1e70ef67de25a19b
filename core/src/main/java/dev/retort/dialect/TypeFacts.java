package dev.retort.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts about two column types in their stored form (PostgreSQL's {@code format_type} text or H2's
 * {@code INFORMATION_SCHEMA} names): whether changing one into the other may lose data, and whether a dropped and an
 * added column could be the same column renamed.
 */
final class TypeFacts {

    private static final Map<String, Integer> INTEGER_BYTES = Map.of("tinyint", 1, "smallint", 2, "integer", 4,
            "int", 4, "bigint", 8);
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("tinyint", 3, "smallint", 5, "integer", 10,
            "int", 10, "bigint", 19);
    private static final Map<String, Integer> FLOAT_BYTES = Map.of("real", 4, "double precision", 8, "float", 8);
    private static final List<String> CHARACTER = List.of("character varying", "varchar", "character", "char",
            "bpchar", "text", "character large object", "clob", "varchar_ignorecase");
    private static final List<String> BINARY = List.of("bytea", "binary varying", "varbinary", "binary",
            "binary large object", "blob");
    private static final Pattern TYPE = Pattern.compile(
            "([a-z_ ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*((?:with|without) time zone)?");

    private TypeFacts() {
    }

    /** A parsed type: its name without size, the size arguments ({@code -1} when absent) and whether it is an array. */
    record Parsed(String base, int length, int scale, String zone, boolean array) {

        static Parsed of(String type) {
            String t = type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            boolean array = false;
            if (t.endsWith("[]")) {
                array = true;
                t = t.substring(0, t.length() - 2).trim();
            } else if (t.endsWith(" array")) {
                array = true;
                t = t.substring(0, t.length() - 6).trim();
            }
            Matcher m = TYPE.matcher(t);
            if (!m.matches()) {
                return new Parsed(t, -1, -1, "", array);
            }
            return new Parsed(m.group(1).trim(), m.group(2) == null ? -1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? -1 : Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4), array);
        }

        String family() {
            if (INTEGER_BYTES.containsKey(base) || base.equals("numeric") || base.equals("decimal")
                    || FLOAT_BYTES.containsKey(base) || base.equals("decfloat")) {
                return "number";
            }
            if (CHARACTER.contains(base)) {
                return "character";
            }
            if (BINARY.contains(base)) {
                return "binary";
            }
            return base;
        }

        boolean unboundedCharacter() {
            return (CHARACTER.contains(base) || BINARY.contains(base)) && length < 0 && !base.equals("character")
                    && !base.equals("char");
        }
    }

    /** Whether some values of {@code from} may not fit {@code to}; any change between unrelated types counts. */
    static boolean narrows(String from, String to) {
        Parsed a = Parsed.of(from);
        Parsed b = Parsed.of(to);
        if (a.equals(b)) {
            return false;
        }
        if (a.array != b.array) {
            return true;
        }
        if (b.family().equals("character") && b.unboundedCharacter() && !a.family().equals("binary")) {
            return false;
        }
        if (!a.family().equals(b.family())) {
            return true;
        }
        return switch (a.family()) {
            case "number" -> narrowsNumber(a, b);
            case "character", "binary" -> length(b) < length(a);
            case "timestamp", "time" -> precision(b) < precision(a);
            default -> !a.base.equals(b.base) || a.length != b.length || a.scale != b.scale;
        };
    }

    /** Whether a value of one type could be the same column as the other, e.g. for a rename hint. */
    static boolean compatible(String a, String b) {
        Parsed x = Parsed.of(a);
        Parsed y = Parsed.of(b);
        return x.array == y.array && x.family().equals(y.family());
    }

    private static boolean narrowsNumber(Parsed a, Parsed b) {
        if (INTEGER_BYTES.containsKey(a.base) && INTEGER_BYTES.containsKey(b.base)) {
            return INTEGER_BYTES.get(b.base) < INTEGER_BYTES.get(a.base);
        }
        if (FLOAT_BYTES.containsKey(b.base)) {
            int mantissaDigits = FLOAT_BYTES.get(b.base) == 4 ? 6 : 15;
            return FLOAT_BYTES.containsKey(a.base) ? FLOAT_BYTES.get(b.base) < FLOAT_BYTES.get(a.base)
                    : digits(a) > mantissaDigits || a.scale > 0 || digits(a) < 0;
        }
        if (FLOAT_BYTES.containsKey(a.base)) {
            return true;
        }
        // numeric or integer into numeric(p,s): whole digits and scale must both fit
        if (b.length < 0) {
            return false;
        }
        int bScale = Math.max(b.scale, 0);
        int aScale = INTEGER_BYTES.containsKey(a.base) ? 0 : Math.max(a.scale, 0);
        int aWhole = digits(a) < 0 ? Integer.MAX_VALUE : digits(a) - aScale;
        return b.length - bScale < aWhole || bScale < aScale || (a.length < 0 && !INTEGER_BYTES.containsKey(a.base));
    }

    private static int digits(Parsed p) {
        return INTEGER_DIGITS.getOrDefault(p.base, p.length);
    }

    private static long length(Parsed p) {
        if (p.length < 0) {
            return p.base.equals("character") || p.base.equals("char") ? 1 : Long.MAX_VALUE;
        }
        return p.length;
    }

    private static int precision(Parsed p) {
        return p.length < 0 ? 6 : p.length;
    }
}
