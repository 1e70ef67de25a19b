package dev.retort.schema;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What part of a database autogenerate looks at, decided before anything is read (Alembic's {@code include_name}),
 * so a database with thousands of other tables costs nothing extra.
 *
 * @param defaultSchema the schema that {@code null} stands for (the version table's schema, or the connection's)
 * @param schemas every schema to read; the default one included
 * @param includeTables glob patterns ({@code *}, {@code ?}) a table name must match, if any are given
 * @param excludeTables glob patterns of table names never read or proposed
 * @param ignoredTables exact names never read or proposed: the version table, its audit log and lock table
 */
public record SchemaScope(String defaultSchema, Set<String> schemas, List<String> includeTables,
        List<String> excludeTables, Set<String> ignoredTables) {

    public SchemaScope {
        Names.require(defaultSchema, "default schema");
        schemas = Set.copyOf(schemas);
        includeTables = List.copyOf(includeTables);
        excludeTables = List.copyOf(excludeTables);
        ignoredTables = Set.copyOf(ignoredTables);
    }

    /** Whether a table of this name is in scope. */
    public boolean includes(String table) {
        if (ignoredTables.contains(table)) {
            return false;
        }
        if (!includeTables.isEmpty() && includeTables.stream().noneMatch(g -> glob(g).matcher(table).matches())) {
            return false;
        }
        return excludeTables.stream().noneMatch(g -> glob(g).matcher(table).matches());
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
