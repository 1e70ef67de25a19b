package dev.retort.autogenerate;

/** Answers whether a live table has rows, for warnings such as "NOT NULL without a default on a table with rows". */
@FunctionalInterface
public interface RowProbe {

    /** A probe that says every table is empty. */
    RowProbe NONE = (schema, table) -> false;

    boolean hasRows(String schema, String table);
}
