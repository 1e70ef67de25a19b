package dev.retort.runtime;

import java.time.Instant;
import java.util.List;

/**
 * One row of the audit log ({@code <version table>_log}): a step that ran, when, for how long, by whom, and the
 * checksum of the script it ran.
 *
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param checksum SHA-256 of the script body, {@code null} for stamps
 */
public record AuditEntry(long id, String revision, String direction, List<String> fromRevisions,
        List<String> toRevisions, String script, String checksum, Instant appliedAt, long executionTimeMs,
        String appliedBy) {

    public AuditEntry {
        fromRevisions = List.copyOf(fromRevisions);
        toRevisions = List.copyOf(toRevisions);
    }
}
