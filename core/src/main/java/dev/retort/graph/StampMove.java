package dev.retort.graph;

import java.util.List;

/**
 * One move of the version rows that {@code stamp} makes, without running any revision: from some rows to others,
 * upward or downward. A {@code branchMove} creates a new branch row (upward, from nothing) or deletes one
 * (downward, to base).
 */
public record StampMove(List<String> from, List<String> to, boolean upgrade, boolean branchMove) {

    public StampMove {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
