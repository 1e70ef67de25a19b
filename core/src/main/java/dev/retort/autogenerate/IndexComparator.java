package dev.retort.autogenerate;

import dev.retort.ops.CreateIndex;
import dev.retort.ops.DropIndex;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Indexes, by name; one whose columns or uniqueness changed is dropped and created again. */
final class IndexComparator {

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private IndexComparator() {
    }

    static void compare(Context ctx, Table live, Table target) {
        Plan.Section section = ctx.plan.section(Context.key(target));
        for (Index l : live.indexes()) {
            Index t = find(target, l.name());
            if (t == null) {
                section.dropConstraints.add(new DropIndex(target.schema(), target.name(), l));
                ctx.plan.detected("removed index '" + l.name() + "' on '" + Context.key(target) + "'");
            } else if (!same(l, t)) {
                section.dropConstraints.add(new DropIndex(target.schema(), target.name(), l));
                section.addConstraints.add(new CreateIndex(target.schema(), target.name(), t));
                ctx.plan.detected("changed index '" + l.name() + "' on '" + Context.key(target) + "'");
            }
        }
        for (Index t : target.indexes()) {
            if (find(live, t.name()) == null) {
                section.addConstraints.add(new CreateIndex(target.schema(), target.name(), t));
                ctx.plan.detected("added index '" + t.name() + "' on '(" + String.join(", ", t.columns()) + ")'");
            }
        }
    }

    private static Index find(Table table, String name) {
        return table.indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean same(Index a, Index b) {
        return a.unique() == b.unique() && (a.columns().equals(b.columns())
                || a.columns().stream().map(IndexComparator::norm).toList()
                        .equals(b.columns().stream().map(IndexComparator::norm).toList()));
    }

    private static String norm(String column) {
        String c = BLANKS.matcher(column.strip()).replaceAll(" ").replace("\"", "");
        c = c.endsWith(" ASC") || c.endsWith(" asc") ? c.substring(0, c.length() - 4) : c;
        return Objects.requireNonNull(c).toLowerCase(Locale.ROOT);
    }
}
