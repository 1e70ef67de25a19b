package dev.retort.autogenerate;

import dev.retort.ops.AddCheck;
import dev.retort.ops.CreateTable;
import dev.retort.ops.Group;
import dev.retort.ops.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the target's own spelling of check expressions back into the operations that create them. Comparing needs
 * the canonical form (what the server stores), but a stored expression, parsed again, may be stored differently
 * ({@code status in ('A','B')} is stored as {@code … = ANY ((ARRAY[…])::text[])}, which is stored as
 * {@code … = ANY (ARRAY[(…)::text, …])}); written as the target spells it, the database ends up with exactly what
 * the comparison expects, and with what the mapping's own DDL would have made.
 */
public final class Spellings {

    private Spellings() {
    }

    /**
     * @param ops the upgrade, compared against {@code canonical}
     * @param original the target as given (in scope)
     * @param canonical the same target canonicalized, table for table and check for check
     */
    public static List<Op> restore(List<Op> ops, Schema original, Schema canonical) {
        Map<String, String> spelling = new HashMap<>();
        for (int i = 0; i < Math.min(original.tables().size(), canonical.tables().size()); i++) {
            Table o = original.tables().get(i);
            Table c = canonical.tables().get(i);
            if (Context.key(o).equalsIgnoreCase(Context.key(c)) && o.checks().size() == c.checks().size()) {
                for (int k = 0; k < o.checks().size(); k++) {
                    spelling.put(Context.key(c) + '\0' + c.checks().get(k).expression(), o.checks().get(k).expression());
                }
            }
        }
        return ops.stream().map(op -> restore(op, spelling)).toList();
    }

    private static Op restore(Op op, Map<String, String> spelling) {
        if (op instanceof Group g) {
            return new Group(g.ops().stream().map(o -> restore(o, spelling)).toList(), g.note(), g.reverseNote());
        }
        if (op instanceof CreateTable ct) {
            Table t = ct.table();
            String key = Context.key(t);
            return new CreateTable(new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(),
                    t.indexes(), t.foreignKeys(), t.checks().stream().map(c -> restore(key, c, spelling)).toList(),
                    t.comment()));
        }
        if (op instanceof AddCheck ac) {
            return new AddCheck(ac.schema(), ac.table(), restore(Context.key(ac.schema(), ac.table()), ac.check(),
                    spelling));
        }
        return op;
    }

    private static CheckConstraint restore(String table, CheckConstraint check, Map<String, String> spelling) {
        String original = spelling.get(table + '\0' + check.expression());
        return original == null ? check : new CheckConstraint(check.name(), original);
    }
}
