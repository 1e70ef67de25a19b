package dev.retort.autogenerate;

import dev.retort.schema.Index;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * A unique constraint and a unique index on the same columns enforce the same rule (PostgreSQL backs every unique
 * constraint with exactly such an index, and a foreign key may reference either). A revision written by hand often
 * says {@code CREATE UNIQUE INDEX} where Hibernate says {@code unique} (it turns {@code @Index(unique = true)} into a
 * unique key), so the two are paired up here, before the unique-constraint and index comparators run, and neither is
 * reported. A pair must have the same columns in the same order, and the same name unless the target's is
 * unnamed or the database's default name.
 */
final class UniqueEquivalence {

    private UniqueEquivalence() {
    }

    /** The live and target table without the pairs that are one rule written two ways. */
    static Table[] reconcile(Context ctx, Table live, Table target) {
        List<UniqueConstraint> liveUniques = new ArrayList<>(live.uniqueConstraints());
        List<Index> liveIndexes = new ArrayList<>(live.indexes());
        List<UniqueConstraint> targetUniques = new ArrayList<>(target.uniqueConstraints());
        List<Index> targetIndexes = new ArrayList<>(target.indexes());
        for (UniqueConstraint t : target.uniqueConstraints()) {
            if (liveUniques.stream().anyMatch(u -> u.columns().equals(t.columns()))) {
                continue;
            }
            Index l = liveIndexes.stream().filter(i -> i.unique() && plain(i).equals(t.columns())
                    && nameFits(ctx, target, t.name(), i.name(), t.columns())).findFirst().orElse(null);
            if (l != null) {
                targetUniques.remove(t);
                liveIndexes.remove(l);
            }
        }
        for (Index t : target.indexes()) {
            if (!t.unique() || liveIndexes.stream().anyMatch(i -> i.name().equals(t.name()))) {
                continue;
            }
            UniqueConstraint l = liveUniques.stream().filter(u -> u.columns().equals(plain(t))
                    && (u.name() == null || u.name().equals(t.name()))).findFirst().orElse(null);
            if (l != null) {
                targetIndexes.remove(t);
                liveUniques.remove(l);
            }
        }
        if (liveUniques.size() == live.uniqueConstraints().size() && liveIndexes.size() == live.indexes().size()) {
            return new Table[] {live, target};
        }
        return new Table[] {withKeys(live, liveUniques, liveIndexes), withKeys(target, targetUniques, targetIndexes)};
    }

    private static boolean nameFits(Context ctx, Table table, String targetName, String liveName,
            List<String> columns) {
        return targetName == null || targetName.equals(liveName)
                || targetName.equals(ctx.defaultUniqueName(table, columns));
    }

    /** The index's columns when it is on plain columns in ascending order, else an empty list. */
    private static List<String> plain(Index index) {
        List<String> out = new ArrayList<>();
        for (String column : index.columns()) {
            String c = column.strip().replace("\"", "");
            if (c.toUpperCase(java.util.Locale.ROOT).endsWith(" ASC")) {
                c = c.substring(0, c.length() - 4).strip();
            }
            if (!c.matches("[\\w$]+")) {
                return List.of();
            }
            out.add(c);
        }
        return out;
    }

    private static Table withKeys(Table table, List<UniqueConstraint> uniques, List<Index> indexes) {
        return new Table(table.schema(), table.name(), table.columns(), table.primaryKey(), uniques, indexes,
                table.foreignKeys(), table.checks(), table.comment());
    }
}
