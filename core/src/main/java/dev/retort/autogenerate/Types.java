package dev.retort.autogenerate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small facts about SQL type strings, for deciding and describing: the dialect has already put both sides in one
 * canonical form, so this only evens out case and blanks.
 */
final class Types {

    private static final Pattern SHAPE = Pattern.compile("([^(]*)\\s*(?:\\(([^)]*)\\))?\\s*(.*)");
    private static final List<Set<String>> FAMILIES = List.of(
            Set.of("character varying", "varchar", "text", "character", "char", "bpchar"),
            Set.of("smallint", "integer", "bigint", "numeric", "decimal", "real", "double precision", "int2", "int4",
                    "int8", "float4", "float8"),
            Set.of("timestamp", "timestamp with time zone", "timestamp without time zone", "date", "timestamptz"));
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private Types() {
    }

    // compiled once: comparing 1,000 tables normalizes some 20,000 types
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern OPEN = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern CLOSE = Pattern.compile("\\s*\\)");

    /** Lower case, single blanks, no blanks inside parentheses, no quotes. */
    static String normalize(String type) {
        String t = BLANKS.matcher(type.strip().toLowerCase(Locale.ROOT).replace("\"", "")).replaceAll(" ");
        return CLOSE.matcher(COMMA.matcher(OPEN.matcher(t).replaceAll("(")).replaceAll(",")).replaceAll(")");
    }

    static boolean same(String a, String b) {
        // both sides are canonical, so an unchanged column's types are usually the very same text
        return a.equals(b) || normalize(a).equals(normalize(b));
    }

    /** The type as Alembic's log shows one: upper case, {@code VARCHAR(50)}. */
    static String display(String type) {
        return normalize(type).toUpperCase(Locale.ROOT).replace("CHARACTER VARYING", "VARCHAR");
    }

    /** The name without arguments: {@code timestamp with time zone} for {@code timestamp(6) with time zone}. */
    static String base(String type) {
        Matcher m = SHAPE.matcher(normalize(type));
        m.matches();
        return (m.group(1) + (m.group(3).isEmpty() ? "" : " " + m.group(3))).strip();
    }

    private static long[] args(String type) {
        Matcher m = SHAPE.matcher(normalize(type));
        m.matches();
        if (m.group(2) == null) {
            return new long[0];
        }
        try {
            return java.util.Arrays.stream(m.group(2).split(",")).mapToLong(s -> Long.parseLong(s.strip())).toArray();
        } catch (NumberFormatException e) {
            return new long[0];
        }
    }

    /** Whether values of {@code from} may not fit {@code to}: a shorter length, less precision, a smaller integer. */
    static boolean narrows(String from, String to) {
        String a = base(from);
        String b = base(to);
        if (a.equals(b)) {
            long[] x = args(from);
            long[] y = args(to);
            if (y.length == 0) {
                return false;
            }
            if (x.length == 0) {
                return true;
            }
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                if (y[i] < x[i]) {
                    return true;
                }
            }
            return x.length > 1 && y.length > 1 && y[0] - y[1] < x[0] - x[1];
        }
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(b) < INTEGERS.indexOf(a);
        }
        return a.equals("text") && b.equals("character varying") || !family(a).equals(family(b));
    }

    /** Whether PostgreSQL needs {@code USING column::type} to convert (other families, e.g. varchar ↔ enum). */
    static boolean needsUsing(String from, String to) {
        String a = base(from);
        String b = base(to);
        return !a.equals(b) && (family(a).isEmpty() || !family(a).equals(family(b)));
    }

    private static Set<String> family(String base) {
        return FAMILIES.stream().filter(f -> f.contains(base)).findFirst().orElse(Set.of());
    }
}
