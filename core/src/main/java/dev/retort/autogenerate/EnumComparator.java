package dev.retort.autogenerate;

import dev.retort.ops.AddEnumValue;
import dev.retort.ops.CreateEnumType;
import dev.retort.ops.DropEnumType;
import dev.retort.ops.EnumColumn;
import dev.retort.ops.Group;
import dev.retort.ops.Note;
import dev.retort.ops.RecreateEnumType;
import dev.retort.schema.Cast;
import dev.retort.schema.EnumType;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Named enum types: created before the tables that use them and dropped after; a new label is added in its
 * declared position ({@code BEFORE}/{@code AFTER}); removed labels recreate the type. Labels that differ only in
 * order change nothing (Hibernate sorts them; a type created by hand is in declaration order).
 */
final class EnumComparator {

    private EnumComparator() {
    }

    static void compare(Context ctx) {
        for (EnumType t : ctx.target.enumTypes()) {
            EnumType l = ctx.live.enumType(t.schema(), t.name()).orElse(null);
            if (l == null) {
                ctx.plan.enumTypes.add(new CreateEnumType(t));
                ctx.plan.detected("added enum type '" + t.qualifiedName() + "' " + labels(t.labels()));
            } else if (!l.labels().equals(t.labels())) {
                changed(ctx, l, t);
            }
        }
        for (EnumType l : ctx.live.enumTypes()) {
            if (ctx.target.enumType(l.schema(), l.name()).isEmpty() && droppable(ctx, l)) {
                ctx.plan.dropEnumTypes.add(new DropEnumType(l));
                ctx.plan.detected("removed enum type '" + l.qualifiedName() + "'");
            }
        }
    }

    private static void changed(Context ctx, EnumType live, EnumType target) {
        List<EnumColumn> columns = ctx.liveColumns(live);
        List<Cast> casts = ctx.liveCasts(live);
        List<String> removed = live.labels().stream().filter(v -> !target.labels().contains(v)).toList();
        List<String> added = target.labels().stream().filter(v -> !live.labels().contains(v)).toList();
        if (removed.isEmpty() && added.isEmpty()) {
            // Order alone is no change, and not worth a comment in every revision written from now on: a type
            // created by hand in declaration order always differs from Hibernate's sorted labels.
            return;
        }
        if (!removed.isEmpty()) {
            String where = columns.stream().map(c -> Context.key(c.schema(), c.table()) + "." + c.column())
                    .collect(Collectors.joining(", "));
            ctx.plan.enumTypes.add(Group.noted(new RecreateEnumType(live, target, columns, casts), Note.of(
                    "recreates enum type '" + live.qualifiedName() + "' without " + labels(removed) + ": update rows"
                    + " that hold " + (removed.size() == 1 ? "it" : "them") + " first" + (where.isEmpty() ? ""
                            : " (in " + where + ")") + ", or the conversion fails")));
            removed.forEach(v -> ctx.plan.detected("removed value '" + v + "' from enum type '"
                    + live.qualifiedName() + "'"));
            added.forEach(v -> ctx.plan.detected("added value '" + v + "' to enum type '" + live.qualifiedName()
                    + "'"));
            return;
        }
        EnumType current = live;
        List<String> order = target.labels();
        for (String value : added) {
            int at = order.indexOf(value);
            String before = null;
            String after = null;
            for (int i = at + 1; i < order.size() && before == null; i++) {
                before = current.labels().contains(order.get(i)) ? order.get(i) : null;
            }
            for (int i = at - 1; i >= 0 && before == null && after == null; i--) {
                after = current.labels().contains(order.get(i)) ? order.get(i) : null;
            }
            AddEnumValue op = new AddEnumValue(current, value, before, after, columns, casts);
            // where DDL isn't transactional (H2) every revision commits on its own anyway
            boolean transactional = ctx.options.dialect() == null || ctx.options.dialect().transactionalDdl();
            ctx.plan.enumTypes.add(!transactional ? op : Group.noted(op, Note.of("ALTER TYPE … ADD VALUE: this"
                    + " revision runs outside a transaction (Transactional: false),", "so later revisions of the same"
                    + " run can use the new value")));
            ctx.plan.detected("added value '" + value + "' to enum type '" + live.qualifiedName() + "'");
            current = op.result();
        }
    }

    /**
     * A live type the target lacks is dropped with {@code --drop-unmapped}, or when every live column of that type
     * goes away in this revision (its table or column was mapped and is removed).
     */
    private static boolean droppable(Context ctx, EnumType type) {
        if (ctx.options.dropUnmapped()) {
            return true;
        }
        boolean any = false;
        var removedTables = new HashSet<>(ctx.removed.keySet());
        for (Table t : ctx.live.tables()) {
            Table[] pair = ctx.common.values().stream().filter(p -> p[0] == t).findFirst().orElse(null);
            var dropped = pair == null ? null : ctx.droppedColumns(t, pair[1]);
            for (var c : t.columns()) {
                if (Context.uses(c, type)) {
                    boolean goes = removedTables.contains(Context.key(t)) || dropped != null
                            && dropped.contains(c.name());
                    if (!goes) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    static String labels(List<String> labels) {
        return labels.stream().map(l -> "'" + l + "'").collect(Collectors.joining(", ", "(", ")"));
    }

}
