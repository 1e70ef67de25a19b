package dev.retort.autogenerate;

import dev.retort.ops.AddUniqueConstraint;
import dev.retort.ops.DropUniqueConstraint;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Unique constraints: a named one matches the live one of that name, an unnamed one the live one on the same
 * columns (as Alembic does). A new one on an existing table gets PostgreSQL's name ({@code <table>_<cols>_key})
 * written out, so that the downgrade can drop it.
 */
final class UniqueConstraintComparator {

    private UniqueConstraintComparator() {
    }

    static void compare(Context ctx, Table live, Table target) {
        Plan.Section section = ctx.plan.section(Context.key(target));
        List<UniqueConstraint> unmatched = new ArrayList<>(live.uniqueConstraints());
        List<UniqueConstraint> missing = new ArrayList<>();
        for (UniqueConstraint t : target.uniqueConstraints()) {
            UniqueConstraint l = unmatched.stream()
                    .filter(u -> t.name() != null ? t.name().equals(u.name()) : u.columns().equals(t.columns()))
                    .findFirst().orElse(null);
            if (l != null && l.columns().equals(t.columns())) {
                unmatched.remove(l);
            } else {
                missing.add(t);
            }
        }
        for (UniqueConstraint l : unmatched) {
            section.dropConstraints.add(new DropUniqueConstraint(target.schema(), target.name(), l));
            ctx.plan.detected("removed unique constraint '" + l.name() + "' on '" + Context.key(target) + "'");
        }
        for (UniqueConstraint t : missing) {
            UniqueConstraint named = t.name() != null ? t
                    : new UniqueConstraint(ctx.defaultUniqueName(target, t.columns()), t.columns());
            section.addConstraints.add(new AddUniqueConstraint(target.schema(), target.name(), named));
            ctx.plan.detected("added unique constraint '" + named.name() + "' on '(" + String.join(", ", t.columns())
                    + ")'");
        }
    }
}
