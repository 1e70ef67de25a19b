package dev.retort.autogenerate;

import dev.retort.dialect.Dialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to compare: which drops + adds are really renames, whether unmapped tables are dropped, and how to ask
 * whether a table has rows.
 *
 * @param tableRenames old table name → new table name
 * @param columnRenames table name (the new one, if renamed) → old column name → new column name
 * @param dropUnmapped whether database objects the target doesn't have are dropped ({@code --drop-unmapped})
 * @param rows answers whether a live table has rows
 * @param dialect the database's type facts (narrowing, compatible types), or {@code null} for generic ones
 */
public record CompareOptions(Map<String, String> tableRenames, Map<String, Map<String, String>> columnRenames,
        boolean dropUnmapped, RowProbe rows, Dialect dialect) {

    public CompareOptions {
        tableRenames = Map.copyOf(tableRenames);
        columnRenames = Map.copyOf(columnRenames);
        rows = rows == null ? RowProbe.NONE : rows;
    }

    /** Nothing renamed, nothing unmapped dropped, every table empty. */
    public static CompareOptions defaults() {
        return new CompareOptions(Map.of(), Map.of(), false, RowProbe.NONE, null);
    }

    /**
     * Options from {@code --rename} arguments: {@code table.old=new} renames a column, {@code old_table=new_table}
     * a table.
     *
     * @throws IllegalArgumentException naming the argument as written when it has neither form
     */
    public static CompareOptions of(List<String> renames, boolean dropUnmapped, RowProbe rows) {
        return of(renames, dropUnmapped, rows, null);
    }

    /** {@link #of(List, boolean, RowProbe)} with the database's type facts. */
    public static CompareOptions of(List<String> renames, boolean dropUnmapped, RowProbe rows, Dialect dialect) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        for (String rename : renames) {
            int eq = rename.indexOf('=');
            String from = eq < 0 ? "" : rename.substring(0, eq).strip();
            String to = eq < 0 ? "" : rename.substring(eq + 1).strip();
            int dot = from.lastIndexOf('.');
            if (from.isEmpty() || to.isEmpty() || to.contains(".") || dot == 0 || dot == from.length() - 1) {
                throw new IllegalArgumentException("--rename '" + rename + "' is neither TABLE.OLD_COLUMN=NEW_COLUMN"
                        + " nor OLD_TABLE=NEW_TABLE");
            }
            if (dot < 0) {
                tables.put(from, to);
            } else {
                columns.computeIfAbsent(from.substring(0, dot), t -> new LinkedHashMap<>())
                        .put(from.substring(dot + 1), to);
            }
        }
        return new CompareOptions(tables, columns, dropUnmapped, rows, dialect);
    }
}
