package dev.retort;

import java.util.List;

/**
 * What {@code upgrade}, {@code downgrade} or {@code stamp} did: the version rows before and after, and each step
 * with how long it took.
 */
public record MigrationResult(String command, List<String> headsBefore, List<String> headsAfter,
        List<Step> steps, long millis) {

    public MigrationResult {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
        steps = List.copyOf(steps);
    }

    /**
     * One step: the revision (for a stamp, the row it moved to), its direction ({@code upgrade},
     * {@code downgrade}, {@code stamp}), Alembic's log line, and its duration.
     */
    public record Step(String revision, String direction, String description, long millis) {
    }
}
