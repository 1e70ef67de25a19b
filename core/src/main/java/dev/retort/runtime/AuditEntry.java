package dev.retort.runtime;

import java.time.Instant;
import java.util.List;

/**
 * One row of the audit log ({@code <version table>_log}): a step that ran, when, for how long, by whom, and the
 * checksum of the script it ran.
 *
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}; {@code checksum} for an edit accepted with
 *        {@code stamp --checksums}; {@code failed} for a revision whose statement failed outside a transaction
 * @param checksum SHA-256 of the script body, {@code null} for stamps; for a {@code failed} row, of the statements
 *        that stayed applied
 * @param appliedStatements for a {@code failed} row, how many of the revision's statements stayed applied (the
 *        first ones); {@code null} for other rows
 */
public record AuditEntry(long id, String revision, String direction, List<String> fromRevisions,
        List<String> toRevisions, String script, String checksum, Instant appliedAt, long executionTimeMs,
        String appliedBy, Integer appliedStatements) {

    /** The direction of a row recording a revision that failed outside a transaction. */
    public static final String FAILED = AuditRecord.FAILED;

    public AuditEntry {
        fromRevisions = List.copyOf(fromRevisions);
        toRevisions = List.copyOf(toRevisions);
    }
}
