package dev.retort;

import dev.retort.runtime.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a database stands against the scripts: its version rows, the revisions it is at, the script heads, what
 * {@code upgrade heads} would run, and every revision with its state and audit record. What
 * {@code /actuator/migrations} and the health indicator report.
 *
 * @param versionRows the rows of the version table (one per current head)
 * @param current the revisions the database is at (rows plus branch tips their dependencies imply)
 * @param heads the script heads (effective heads included)
 * @param pending the revisions {@code upgrade heads} would run, in order
 * @param history every revision, newest first
 */
public record MigrationStatus(List<String> versionRows, List<String> current, List<String> heads,
        List<String> pending, List<RevisionInfo> history) {

    public MigrationStatus {
        versionRows = List.copyOf(versionRows);
        current = List.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        history = List.copyOf(history);
    }

    /** Whether nothing is pending. */
    public boolean upToDate() {
        return pending.isEmpty();
    }

    /** The applied revisions whose scripts were edited after they ran, newest first. */
    public List<String> modified() {
        return history.stream().filter(r -> Boolean.FALSE.equals(r.checksumMatches())).map(RevisionInfo::revision)
                .toList();
    }

    /**
     * The revisions whose upgrade failed part-way and left their first statements applied (a revision run outside
     * a transaction), oldest first; each is also pending, and the next upgrade refuses to run it from the start.
     */
    public List<String> partlyApplied() {
        List<String> partly = new ArrayList<>(history.stream().filter(r -> r.appliedStatements() != null)
                .map(RevisionInfo::revision).toList());
        Collections.reverse(partly);
        return partly;
    }

    /** How many revisions are applied. */
    public long appliedCount() {
        return history.stream().filter(r -> !r.state().equals(RevisionInfo.PENDING)).count();
    }

    /**
     * One revision as the status reports it.
     *
     * @param state {@code current} (a version row), {@code applied} (below a row) or {@code pending}
     * @param appliedAt when it last ran upward or was stamped, from the audit log; {@code null} when unknown
     * @param checksumMatches whether the script still matches the checksum recorded when it ran; {@code false} when
     *        it was edited since, {@code null} when nothing is recorded (pending, stamped, or applied before the
     *        audit log)
     * @param appliedStatements for a pending revision whose upgrade failed part-way outside a transaction, how many
     *        of its first statements stayed applied ({@code upgrade --resume} continues after them); else
     *        {@code null}
     * @param failedAt when that upgrade failed; else {@code null}
     */
    public record RevisionInfo(String revision, List<String> downRevisions, List<String> branchLabels,
            List<String> dependsOn, String message, String createDate, String script, String state, boolean isHead,
            Instant appliedAt, Long executionTimeMs, String appliedBy, String checksum, Boolean checksumMatches,
            Integer appliedStatements, Instant failedAt) {

        public static final String CURRENT = "current";
        public static final String APPLIED = "applied";
        public static final String PENDING = "pending";

        static RevisionInfo of(dev.retort.script.RevisionScript script, List<String> labels, String state,
                boolean isHead, AuditEntry audit, Boolean checksumMatches, AuditEntry failed) {
            return new RevisionInfo(script.id(), script.revision().downRevisions(), labels,
                    script.revision().dependsOn(), script.message(), script.createDate(),
                    script.source().displayPath(), state, isHead, audit == null ? null : audit.appliedAt(),
                    audit == null ? null : audit.executionTimeMs(), audit == null ? null : audit.appliedBy(),
                    audit == null ? null : audit.checksum(), checksumMatches,
                    failed == null ? null : failed.appliedStatements(), failed == null ? null : failed.appliedAt());
        }
    }
}
