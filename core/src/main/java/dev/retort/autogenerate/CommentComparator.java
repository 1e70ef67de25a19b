package dev.retort.autogenerate;

import dev.retort.ops.SetColumnComment;
import dev.retort.ops.SetTableComment;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.Objects;

/** Table and column comments. */
final class CommentComparator {

    private CommentComparator() {
    }

    static void compareColumn(Context ctx, Plan.Section section, Table table, Column l, Column t) {
        if (!Objects.equals(emptyToNull(l.comment()), emptyToNull(t.comment()))) {
            section.comments.add(new SetColumnComment(table.schema(), table.name(), t.name(), emptyToNull(l.comment()),
                    emptyToNull(t.comment())));
            ctx.plan.detected("column comment '" + Context.name(table, t.name()) + "'");
        }
    }

    static void compareTable(Context ctx, Table live, Table target) {
        if (!Objects.equals(emptyToNull(live.comment()), emptyToNull(target.comment()))) {
            ctx.plan.section(Context.key(target)).comments.add(new SetTableComment(target.schema(), target.name(),
                    emptyToNull(live.comment()), emptyToNull(target.comment())));
            ctx.plan.detected("table comment '" + Context.key(target) + "'");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
