package dev.retort.autogenerate;

import dev.retort.ops.CreateCast;
import dev.retort.ops.DropCast;
import dev.retort.ops.DropEnumType;
import dev.retort.schema.Cast;
import java.util.List;

/**
 * Casts (Hibernate's {@code varchar} ↔ enum casts): created after the types, dropped before them. A live cast the
 * target lacks is dropped with {@code --drop-unmapped}, or when its enum type is dropped.
 */
final class CastComparator {

    private CastComparator() {
    }

    static void compare(Context ctx) {
        for (Cast t : ctx.target.casts()) {
            if (find(ctx.live.casts(), t) == null) {
                ctx.plan.casts.add(new CreateCast(t));
                ctx.plan.detected("added cast (" + t.sourceType() + " AS " + t.targetType() + ")");
            }
        }
        for (Cast l : ctx.live.casts()) {
            boolean typeDropped = ctx.plan.dropEnumTypes.stream()
                    .anyMatch(op -> Context.involves(l, ((DropEnumType) op).type()));
            if (find(ctx.target.casts(), l) == null && (ctx.options.dropUnmapped() || typeDropped)) {
                ctx.plan.dropCasts.add(new DropCast(l));
                ctx.plan.detected("removed cast (" + l.sourceType() + " AS " + l.targetType() + ")");
            }
        }
    }

    private static Cast find(List<Cast> casts, Cast cast) {
        return casts.stream().filter(c -> same(c.sourceType(), cast.sourceType())
                && same(c.targetType(), cast.targetType())).findFirst().orElse(null);
    }

    private static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(String type) {
        String t = Types.normalize(type);
        return t.equals("varchar") ? "character varying" : t;
    }
}
