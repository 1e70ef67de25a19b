package dev.retort.runtime;

import java.time.Instant;
import dev.retort.script.RevisionScript;
import java.util.List;

/**
 * The values of one audit-log row about to be written.
 *
 * @param appliedStatements for a {@code failed} row, how many of the revision's statements stayed applied;
 *        {@code null} for every other row
 */
record AuditRecord(String revision, String direction, List<String> from, List<String> to, String script,
        String checksum, Instant at, long millis, Integer appliedStatements) {

    /** The direction of a row recording a revision that failed outside a transaction. */
    static final String FAILED = "failed";

    AuditRecord(String revision, String direction, List<String> from, List<String> to, String script,
            String checksum, Instant at, long millis) {
        this(revision, direction, from, to, script, checksum, at, millis, null);
    }

    /** The same row with the step's duration. */
    AuditRecord withMillis(long millis) {
        return new AuditRecord(revision, direction, from, to, script, checksum, at, millis, appliedStatements);
    }

    static AuditRecord of(MigrationStep step, RevisionScript script, long millis) {
        if (step instanceof RevisionStep rs) {
            return new AuditRecord(rs.revision(), rs.name(), rs.fromRevisionsNoDeps(), rs.toRevisionsNoDeps(),
                    script.source().displayPath(), script.body().checksum(), Instant.now(), millis);
        }
        StampStep stamp = (StampStep) step;
        List<String> primary = stamp.to().isEmpty() ? stamp.from() : stamp.to();
        return new AuditRecord(primary.get(primary.size() - 1), "stamp", stamp.from(), stamp.to(), null, null,
                Instant.now(), millis);
    }
}
