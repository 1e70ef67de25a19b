package dev.retort.autogenerate;

import dev.retort.schema.Schema;
import dev.retort.schema.Table;

/**
 * Compares the live schema with the target and returns the upgrade that turns one into the other, with a line per
 * difference. Both sides must be in scope and canonical (see {@code Dialect.canonicalize}); objects of the default
 * schema have a {@code null} schema on both.
 *
 * <pre>{@code
 * Comparison c = SchemaComparator.compare(dialect.readSchema(connection, scope), target, CompareOptions.defaults());
 * List<Op> downgrade = Ops.reverse(c.upgrade());
 * }</pre>
 */
public final class SchemaComparator {

    private SchemaComparator() {
    }

    /**
     * @throws IllegalArgumentException when a {@code --rename} names a table or column that isn't there
     */
    public static Comparison compare(Schema live, Schema target, CompareOptions options) {
        Context ctx = new Context(live, target, options);
        TableComparator.pair(ctx);
        SequenceComparator.compare(ctx);
        EnumComparator.compare(ctx);
        CastComparator.compare(ctx);
        TableComparator.compare(ctx);
        for (Table[] pair : ctx.common.values()) {
            Table l = pair[0];
            Table t = pair[1];
            ColumnComparator.compare(ctx, l, t);
            PrimaryKeyComparator.compare(ctx, l, t);
            Table[] keys = UniqueEquivalence.reconcile(ctx, l, t);
            UniqueConstraintComparator.compare(ctx, keys[0], keys[1]);
            IndexComparator.compare(ctx, keys[0], keys[1]);
            ForeignKeyComparator.compare(ctx, l, t);
            CheckComparator.compare(ctx, l, t);
            CommentComparator.compareTable(ctx, l, t);
        }
        return new Comparison(ctx.plan.ops(), ctx.plan.changes);
    }
}
