package dev.retort.autogenerate;

import dev.retort.ops.AddColumn;
import dev.retort.ops.DropColumn;
import dev.retort.ops.Group;
import dev.retort.ops.Note;
import dev.retort.ops.Op;
import dev.retort.ops.RenameColumn;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns of a table both sides have: renames asked for with {@code --rename}, then added and removed columns (a
 * removed and an added one of the same type get a remark showing the rename they could be), then each column in
 * both goes to the type, nullability, default, identity and comment comparators.
 */
final class ColumnComparator {

    private ColumnComparator() {
    }

    static void compare(Context ctx, Table live, Table target) {
        Plan.Section section = ctx.plan.section(Context.key(target));
        Map<String, Column> liveColumns = new LinkedHashMap<>();
        live.columns().forEach(c -> liveColumns.put(c.name(), c));
        Map<String, String> renames = ctx.options.columnRenames().getOrDefault(target.name(), Map.of());
        renames.forEach((from, to) -> {
            Column old = liveColumns.get(from);
            if (old == null || target.column(to).isEmpty() || liveColumns.containsKey(to)) {
                throw new IllegalArgumentException("--rename '" + target.name() + "." + from + "=" + to + "': "
                        + (old == null ? "table '" + live.name() + "' has no column '" + from + "'"
                                : liveColumns.containsKey(to) ? "table '" + live.name() + "' has a column '" + to
                                        + "' already" : "the target table '" + target.name() + "' has no column '"
                                        + to + "'"));
            }
            liveColumns.remove(from);
            liveColumns.put(to, old);
            section.renameColumns.add(new RenameColumn(target.schema(), target.name(), from, to));
            ctx.plan.detected("renamed column '" + Context.name(target, from) + "' to '" + to + "'");
        });
        List<Column> added = target.columns().stream().filter(c -> !liveColumns.containsKey(c.name())).toList();
        List<Column> removed = new ArrayList<>();
        liveColumns.forEach((name, c) -> {
            if (target.column(name).isEmpty()) {
                removed.add(c);
            }
        });
        boolean hasRows = !added.isEmpty() && ctx.options.rows().hasRows(live.schema(), live.name());
        List<Column> paired = new ArrayList<>();
        for (Column r : removed) {
            Column a = added.stream().filter(c -> !paired.contains(c) && ctx.compatible(r.type(), c.type())).findFirst()
                    .orElse(null);
            Op drop = drop(target, r);
            if (a == null) {
                section.dropColumns.add(drop);
            } else {
                paired.add(a);
                section.dropColumns.add(renameHint(target, r, a, drop, add(target, a, hasRows)));
                ctx.plan.detected("added column '" + Context.name(target, a.name()) + "'");
            }
            ctx.plan.detected("removed column '" + Context.name(target, r.name()) + "'");
        }
        for (Column a : added) {
            if (!paired.contains(a)) {
                section.addColumns.add(add(target, a, hasRows));
                ctx.plan.detected("added column '" + Context.name(target, a.name()) + "'");
            }
        }
        for (Column t : target.columns()) {
            Column l = liveColumns.get(t.name());
            if (l != null) {
                TypeComparator.compare(ctx, section, target, l, t);
                NullabilityComparator.compare(ctx, section, target, live, l, t);
                DefaultComparator.compare(ctx, section, target, l, t);
                IdentityComparator.compare(ctx, section, target, live, l, t);
                CommentComparator.compareColumn(ctx, section, target, l, t);
            }
        }
    }

    private static Op drop(Table table, Column c) {
        Note reverse = needsValue(c) ? Note.of("'" + Context.name(table, c.name()) + "' is NOT NULL without a"
                + " default: adding it back fails if '" + Context.key(table) + "' has rows") : null;
        return new Group(List.of(new DropColumn(table.schema(), table.name(), c)),
                Note.of("drops column '" + Context.name(table, c.name()) + "' and its data"), reverse);
    }

    private static Op add(Table table, Column c, boolean hasRows) {
        AddColumn add = new AddColumn(table.schema(), table.name(), c);
        if (needsValue(c) && hasRows) {
            return Group.noted(add, Note.of("'" + Context.name(table, c.name()) + "' is NOT NULL without a default"
                    + " and '" + Context.key(table) + "' has rows: this fails. Give it a DEFAULT, or add it nullable,",
                    "fill it (UPDATE " + table.name() + " SET " + c.name() + " = ...), then SET NOT NULL."));
        }
        return add;
    }

    private static boolean needsValue(Column c) {
        return !c.nullable() && c.defaultExpression() == null && c.identity() == null;
    }

    private static Op renameHint(Table table, Column removed, Column added, Op drop, Op add) {
        String flag = "--rename " + table.name() + "." + removed.name() + "=" + added.name();
        RenameColumn rename = new RenameColumn(table.schema(), table.name(), removed.name(), added.name());
        return new Group(List.of(drop, add),
                new Note(List.of("'" + removed.name() + "' dropped and '" + added.name() + "' added with compatible"
                        + " types: if this is a rename, autogenerate with " + flag + " to write instead:"), rename),
                new Note(List.of("'" + added.name() + "' dropped and '" + removed.name() + "' added with compatible"
                        + " types: if this is a rename, write instead:"), rename.reverse()));
    }
}
