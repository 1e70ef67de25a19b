package dev.retort.autogenerate;

import dev.retort.ops.AddForeignKey;
import dev.retort.ops.Comment;
import dev.retort.ops.CreateTable;
import dev.retort.ops.DropForeignKey;
import dev.retort.ops.DropTable;
import dev.retort.ops.Group;
import dev.retort.ops.Note;
import dev.retort.ops.Op;
import dev.retort.ops.RenameTable;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables: pairs live and target tables (following {@code --rename old=new}), then writes the new ones in
 * foreign-key order and the removed ones in reverse. Tables the target doesn't map are left alone, with a remark,
 * unless unmapped objects are to be dropped.
 */
final class TableComparator {

    private TableComparator() {
    }

    static void pair(Context ctx) {
        Map<String, Table> live = ctx.liveTables();
        Map<String, Table> target = new LinkedHashMap<>();
        ctx.target.tables().forEach(t -> target.put(Context.key(t), t));
        ctx.options.tableRenames().forEach((from, to) -> {
            Table old = live.get(from);
            if (old == null || !target.containsKey(to) || live.containsKey(to)) {
                throw new IllegalArgumentException("--rename '" + from + "=" + to + "': the database has "
                        + (old == null ? "no table '" + from + "'" : "a table '" + to + "' already")
                        + (target.containsKey(to) ? "" : " and the target has no table '" + to + "'"));
            }
            live.remove(from);
            ctx.common.put(to, new Table[] {old, target.get(to)});
            ctx.plan.tableRenames.add(new RenameTable(old.schema(), old.name(), target.get(to).name()));
            ctx.plan.detected("renamed table '" + from + "' to '" + to + "'");
        });
        for (Table t : target.values()) {
            String key = Context.key(t);
            if (ctx.common.containsKey(key)) {
                continue;
            }
            Table old = live.remove(key);
            if (old != null) {
                ctx.common.put(key, new Table[] {old, t});
            } else {
                ctx.added.put(key, t);
            }
        }
        for (Table t : live.values()) {
            (ctx.options.dropUnmapped() ? ctx.removed : ctx.unmapped).put(Context.key(t), t);
        }
        if (!ctx.unmapped.isEmpty()) {
            ctx.plan.remarks.add(new Comment(Note.of("Not mapped, left alone (--drop-unmapped would drop them): "
                    + String.join(", ", ctx.unmapped.keySet())), null));
        }
    }

    static void compare(Context ctx) {
        List<Op> deferred = new ArrayList<>();
        for (Table t : fkOrder(ctx.added, deferred)) {
            ctx.plan.createTables.add(new CreateTable(t));
            ctx.plan.detected("added table '" + Context.key(t) + "'");
            for (Index index : t.indexes()) {
                ctx.plan.detected("added index '" + index.name() + "' on '(" + String.join(", ", index.columns())
                        + ")'");
            }
        }
        ctx.plan.addForeignKeys.addAll(deferred);
        List<Op> cut = new ArrayList<>();
        List<Table> order = fkOrder(ctx.removed, cut);
        for (Op op : cut) {
            ctx.plan.dropForeignKeys.add(op.reverse());
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Table t = order.get(i);
            ctx.plan.dropTables.add(Group.noted(new DropTable(t),
                    Note.of("drops table '" + Context.key(t) + "' and its data")));
            ctx.plan.detected("removed table '" + Context.key(t) + "'");
        }
    }

    /**
     * The tables in an order that creates each after the tables its foreign keys point to; foreign keys that can't
     * be (cycles) are taken off their tables and returned in {@code deferred} as {@link AddForeignKey}s.
     */
    static List<Table> fkOrder(Map<String, Table> tables, List<Op> deferred) {
        List<Table> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Map<String, Table> pending = new LinkedHashMap<>(tables);
        while (!pending.isEmpty()) {
            Table next = null;
            for (Table t : pending.values()) {
                if (t.foreignKeys().stream().allMatch(f -> ready(t, f, tables, done))) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                Table t = pending.values().iterator().next();
                List<ForeignKey> keep = new ArrayList<>();
                for (ForeignKey f : t.foreignKeys()) {
                    if (ready(t, f, tables, done)) {
                        keep.add(f);
                    } else {
                        deferred.add(new AddForeignKey(t.schema(), t.name(), named(t, f)));
                    }
                }
                next = new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(),
                        t.indexes(), keep, t.checks(), t.comment());
            }
            pending.remove(Context.key(next));
            done.add(Context.key(next));
            out.add(next);
        }
        return out;
    }

    private static boolean ready(Table t, ForeignKey f, Map<String, Table> tables, Set<String> done) {
        String ref = Context.key(f.referencedSchema(), f.referencedTable());
        return ref.equals(Context.key(t)) || !tables.containsKey(ref) || done.contains(ref);
    }

    /** A foreign key with the name PostgreSQL would give it, so that it can be dropped again. */
    static ForeignKey named(Table t, ForeignKey f) {
        return f.name() != null ? f : new ForeignKey(t.name() + "_" + String.join("_", f.columns()) + "_fkey",
                f.columns(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(), f.onDelete(),
                f.onUpdate());
    }
}
