package dev.retort.autogenerate;

import dev.retort.ops.Comment;
import dev.retort.ops.Op;
import java.util.List;

/**
 * What a comparison found: the upgrade operations in the order they run, and one line per difference in Alembic's
 * words ({@code Detected added column 'users.email'}).
 *
 * @param upgrade the operations, remarks ({@link Comment}) included
 * @param changes one line per difference
 */
public record Comparison(List<Op> upgrade, List<String> changes) {

    public Comparison {
        upgrade = List.copyOf(upgrade);
        changes = List.copyOf(changes);
    }

    /** Whether nothing would change (remarks alone don't count). */
    public boolean isEmpty() {
        return upgrade.stream().allMatch(op -> op instanceof Comment);
    }
}
