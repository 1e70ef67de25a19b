package dev.retort.autogenerate;

import dev.retort.ops.AlterColumnNullable;
import dev.retort.ops.Group;
import dev.retort.ops.Note;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.List;

/** NULL / NOT NULL; making a column NOT NULL on a table with rows gets a warning. */
final class NullabilityComparator {

    private NullabilityComparator() {
    }

    static void compare(Context ctx, Plan.Section section, Table table, Table live, Column l, Column t) {
        if (l.nullable() == t.nullable()) {
            return;
        }
        String name = Context.name(table, t.name());
        AlterColumnNullable op = new AlterColumnNullable(table.schema(), table.name(), t.name(), t.nullable(),
                t.type());
        Note warning = Note.of("'" + name + "' becomes NOT NULL and '" + Context.key(table) + "' has rows: this"
                + " fails while any row holds NULL;", "fill them first (UPDATE " + table.name() + " SET " + t.name()
                + " = ... WHERE " + t.name() + " IS NULL).");
        boolean rows = ctx.options.rows().hasRows(live.schema(), live.name());
        section.alter(t.name(), new Group(List.of(op), !t.nullable() && rows ? warning : null,
                t.nullable() && rows ? warning : null));
        ctx.plan.detected((t.nullable() ? "NULL" : "NOT NULL") + " on column '" + name + "'");
    }
}
