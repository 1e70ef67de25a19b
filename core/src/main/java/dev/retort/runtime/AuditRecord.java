package dev.retort.runtime;

import java.time.Instant;
import dev.retort.script.RevisionScript;
import java.util.List;

/** The values of one audit-log row about to be written. */
record AuditRecord(String revision, String direction, List<String> from, List<String> to, String script,
        String checksum, Instant at, long millis) {

    /** The same row with the step's duration. */
    AuditRecord withMillis(long millis) {
        return new AuditRecord(revision, direction, from, to, script, checksum, at, millis);
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
