package dev.retort.autogenerate;

import dev.retort.ops.AlterColumnType;
import dev.retort.ops.Group;
import dev.retort.ops.Note;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.List;

/**
 * Types, length, precision and scale: both sides are canonical, so any difference is real. A conversion between
 * type families (varchar ↔ an enum type) gets {@code USING column::type}; a narrowing gets a warning.
 */
final class TypeComparator {

    private TypeComparator() {
    }

    static void compare(Context ctx, Plan.Section section, Table table, Column live, Column target) {
        if (ctx.sameType(live.type(), target.type())) {
            return;
        }
        String name = Context.name(table, target.name());
        AlterColumnType op = new AlterColumnType(table.schema(), table.name(), target.name(), live.type(),
                target.type(), Types.needsUsing(live.type(), target.type()),
                Types.needsUsing(target.type(), live.type()));
        section.alter(target.name(), new Group(List.of(op), narrowing(ctx, name, live.type(), target.type()),
                narrowing(ctx, name, target.type(), live.type())));
        ctx.plan.detected("type change from " + Types.display(live.type()) + " to " + Types.display(target.type())
                + " on '" + name + "'");
    }

    private static Note narrowing(Context ctx, String column, String from, String to) {
        return ctx.narrows(from, to) ? Note.of("narrows '" + column + "' from " + Types.display(from) + " to "
                + Types.display(to) + ": fails on values that don't fit") : null;
    }
}
