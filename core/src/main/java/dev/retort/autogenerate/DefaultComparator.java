package dev.retort.autogenerate;

import dev.retort.ops.AlterColumnDefault;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.Objects;

/**
 * Server defaults, compared as the dialect canonicalized them (the server's own text on both sides). Identity
 * columns have no default of their own to compare; a column that becomes or stops being one has its default
 * dropped before, or set after ({@link IdentityComparator} orders the identity change around it).
 */
final class DefaultComparator {

    private DefaultComparator() {
    }

    static void compare(Context ctx, Plan.Section section, Table table, Column l, Column t) {
        if (l.identity() != null && t.identity() != null) {
            return;
        }
        String from = blankToNull(l.defaultExpression());
        String to = blankToNull(t.defaultExpression());
        if (Objects.equals(from, to)) {
            return;
        }
        section.alter(t.name(), new AlterColumnDefault(table.schema(), table.name(), t.name(), from, to));
        ctx.plan.detected("server default on column '" + Context.name(table, t.name()) + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
