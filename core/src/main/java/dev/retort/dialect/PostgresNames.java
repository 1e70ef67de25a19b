package dev.retort.dialect;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names PostgreSQL gives constraints created without one ({@code ChooseConstraintName}/{@code makeObjectName}):
 * {@code <table>_pkey}, {@code <table>_<columns>_key}, {@code <table>_<columns>_fkey}, {@code <table>_<column>_check}
 * (or {@code <table>_check} when the check uses several columns), cut to 63 bytes the way the server cuts them.
 */
final class PostgresNames {

    private static final int MAX_BYTES = 63;
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern CAST = Pattern.compile("::\\s*(?:\"[^\"]*\"|[a-z_][a-z0-9_ ]*)(?:\\([0-9, ]*\\))?(?:\\[])*");
    private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([a-z_][a-z0-9_$]*)");

    private PostgresNames() {
    }

    /** The table with PostgreSQL's names wherever a key, unique constraint, foreign key or check has none. */
    static Table named(Table table) {
        Set<String> used = new HashSet<>();
        PrimaryKey pk = table.primaryKey();
        if (pk != null && pk.name() == null) {
            pk = new PrimaryKey(choose(table.name(), null, "pkey", used), pk.columns());
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (UniqueConstraint u : table.uniqueConstraints()) {
            uniques.add(u.name() != null ? u
                    : new UniqueConstraint(choose(table.name(), String.join("_", u.columns()), "key", used), u.columns()));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey f : table.foreignKeys()) {
            foreignKeys.add(f.name() != null ? f : new ForeignKey(choose(table.name(), String.join("_", f.columns()),
                    "fkey", used), f.columns(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(),
                    f.onDelete(), f.onUpdate()));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (CheckConstraint c : table.checks()) {
            if (c.name() != null) {
                checks.add(c);
                continue;
            }
            checks.add(new CheckConstraint(choose(table.name(), checkColumn(table, c), "check", used), c.expression()));
        }
        return new Table(table.schema(), table.name(), table.columns(), pk, uniques, table.indexes(), foreignKeys,
                checks, table.comment());
    }

    /** The name PostgreSQL gives the unique constraint when it is the table's first unnamed one on its columns. */
    static String defaultUniqueName(Table table, List<String> columns) {
        return make(table.name(), String.join("_", columns), "key");
    }

    /** The name PostgreSQL gives the check when it is the table's first unnamed one on its column. */
    static String defaultCheckName(Table table, CheckConstraint check) {
        return make(table.name(), checkColumn(table, check), "check");
    }

    /** The column a check's default name carries: the only one it uses, else none. */
    private static String checkColumn(Table table, CheckConstraint check) {
        Set<String> columns = columnsOf(check.expression(), table.columns());
        return columns.size() == 1 ? columns.iterator().next() : null;
    }

    /** The table's columns a stored check expression mentions (literals and casts set aside). */
    static Set<String> columnsOf(String expression, List<Column> columns) {
        String text = CAST.matcher(LITERAL.matcher(expression).replaceAll("''")).replaceAll("");
        Set<String> names = new HashSet<>();
        columns.forEach(c -> names.add(c.name()));
        Set<String> found = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2);
            if (names.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }

    private static String choose(String table, String columns, String label, Set<String> used) {
        String name = make(table, columns, label);
        for (int n = 1; used.contains(name); n++) {
            name = make(table, columns, label + n);
        }
        used.add(name);
        return name;
    }

    /** {@code makeObjectName}: shortens the longer of the two parts, one character at a time, until it fits. */
    static String make(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = MAX_BYTES - overhead;
        String a = name1;
        String b = name2 == null ? "" : name2;
        while (bytes(a) + bytes(b) > available) {
            if (bytes(a) > bytes(b)) {
                a = a.substring(0, a.length() - 1);
            } else {
                b = b.substring(0, b.length() - 1);
            }
        }
        return a + (name2 == null ? "" : "_" + b) + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
