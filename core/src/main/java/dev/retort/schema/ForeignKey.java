package dev.retort.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name the constraint name, or {@code null} to let the database name it
 * @param columns the referencing columns in order
 * @param referencedSchema the referenced table's schema, {@code null} for the default one
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns in order
 * @param onDelete what a delete of the referenced row does
 * @param onUpdate what an update of the referenced key does
 */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
        List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ForeignKey {
        columns = List.copyOf(columns);
        Names.require(referencedTable, "referenced table");
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    }

    /** What a foreign key does when the referenced row goes or its key changes. */
    public enum ReferentialAction {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        ReferentialAction(String sql) {
            this.sql = sql;
        }

        /** The action as SQL writes it. */
        public String sql() {
            return sql;
        }
    }
}
