package dev.retort.autogenerate;

import dev.retort.ops.AddPrimaryKey;
import dev.retort.ops.DropPrimaryKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;

/** The primary key: its columns, and its name when the target gives one. */
final class PrimaryKeyComparator {

    private PrimaryKeyComparator() {
    }

    static void compare(Context ctx, Table live, Table target) {
        PrimaryKey l = live.primaryKey();
        PrimaryKey t = target.primaryKey();
        if (l == null && t == null || l != null && t != null && l.columns().equals(t.columns())
                && (t.name() == null || t.name().equals(l.name()))) {
            return;
        }
        Plan.Section section = ctx.plan.section(Context.key(target));
        if (l != null) {
            section.dropConstraints.add(new DropPrimaryKey(target.schema(), target.name(), l));
            ctx.plan.detected("removed primary key '(" + String.join(", ", l.columns()) + ")' on '"
                    + Context.key(target) + "'");
        }
        if (t != null) {
            section.addConstraints.add(new AddPrimaryKey(target.schema(), target.name(), t));
            ctx.plan.detected("added primary key '(" + String.join(", ", t.columns()) + ")' on '"
                    + Context.key(target) + "'");
        }
    }
}
