package dev.retort.autogenerate;

import dev.retort.ops.AddForeignKey;
import dev.retort.ops.DropForeignKey;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Foreign keys, by signature (columns, referenced table and columns, ON DELETE / ON UPDATE) as Alembic compares
 * them; the name doesn't matter. Drops go first in the script, adds last.
 */
final class ForeignKeyComparator {

    private ForeignKeyComparator() {
    }

    static void compare(Context ctx, Table live, Table target) {
        List<ForeignKey> unmatched = new ArrayList<>(live.foreignKeys());
        List<ForeignKey> missing = new ArrayList<>();
        for (ForeignKey t : target.foreignKeys()) {
            ForeignKey l = unmatched.stream().filter(f -> same(f, t, ctx)).findFirst().orElse(null);
            if (l != null) {
                unmatched.remove(l);
            } else {
                missing.add(t);
            }
        }
        for (ForeignKey l : unmatched) {
            ctx.plan.dropForeignKeys.add(new DropForeignKey(target.schema(), target.name(), l));
            ctx.plan.detected("removed foreign key " + describe(target, l));
        }
        for (ForeignKey t : missing) {
            ctx.plan.addForeignKeys.add(new AddForeignKey(target.schema(), target.name(),
                    TableComparator.named(target, t)));
            ctx.plan.detected("added foreign key " + describe(target, t));
        }
    }

    /** Alembic's {@code (columns)(referenced columns) on table t}. */
    private static String describe(Table table, ForeignKey f) {
        return "(" + String.join(", ", f.columns()) + ")(" + String.join(", ", f.referencedColumns()) + ") on table "
                + Context.key(table);
    }

    private static boolean same(ForeignKey l, ForeignKey t, Context ctx) {
        String lTable = renamedTo(ctx, Context.key(l.referencedSchema(), l.referencedTable()));
        return l.columns().equals(t.columns()) && lTable.equals(Context.key(t.referencedSchema(), t.referencedTable()))
                && (t.referencedColumns().isEmpty() || l.referencedColumns().equals(t.referencedColumns()))
                && ctx.sameAction(l.onDelete(), t.onDelete()) && ctx.sameAction(l.onUpdate(), t.onUpdate());
    }

    /** A live foreign key to a table renamed in this revision points at the renamed table afterwards. */
    private static String renamedTo(Context ctx, String table) {
        return Objects.requireNonNullElse(ctx.options.tableRenames().get(table), table);
    }
}
