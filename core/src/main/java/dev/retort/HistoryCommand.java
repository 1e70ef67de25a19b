package dev.retort;

import dev.retort.graph.Revision;
import dev.retort.runtime.AuditEntry;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code history}: revisions from the heads down to base, newest first. With {@code -i} or a range end of
 * {@code current} it reads the database: {@code (current)} marks the version rows and, with {@code -v}, each
 * applied revision shows when, by whom and how fast it ran, from the audit log.
 */
final class HistoryCommand {

    private final Environment env;

    HistoryCommand(Environment env) {
        this.env = env;
    }

    List<String> run(String range, boolean verbose, boolean indicateCurrent) {
        String base = null;
        String head = null;
        if (range != null) {
            String[] ends = range.strip().split(":", -1);
            if (ends.length != 2) {
                throw new CommandException(ErrorCode.INVALID_ARGUMENTS,
                        "History range requires [start]:[end], [start]:, or :[end]");
            }
            base = ends[0].isEmpty() ? null : ends[0];
            head = ends[1].isEmpty() ? null : ends[1];
        }
        env.graph();
        boolean needDatabase = "current".equals(base) || "current".equals(head) || indicateCurrent;
        if (!needDatabase) {
            return display(orDefault(base, "base"), orDefault(head, "heads"), List.of(), Map.of(), null, verbose,
                    false);
        }
        List<String> rows;
        Map<String, AuditEntry> applied;
        AuditHistory audit;
        try (Database db = Database.open(env.config(), "history")) {
            try {
                rows = db.migrator().currentHeads();
                Steps.checkKnown(env.graph(), rows, env.resolveVendor(env.config().locations()).toString());
                List<AuditEntry> log = db.versionTable().readLog(db.connection());
                applied = StatusCommand.lastApplied(log, env.graph().ancestorIds(rows, true));
                audit = verbose ? new AuditHistory(env.scripts(), rows, log) : null;
            } catch (SQLException | RuntimeException e) {
                throw db.translate(e);
            }
        }
        List<String> lower = "current".equals(base) ? rows : orDefault(base, "base");
        List<String> upper = "current".equals(head) ? rows : orDefault(head, "heads");
        return display(lower.isEmpty() ? List.of("base") : lower, upper.isEmpty() ? List.of("heads") : upper, rows,
                applied, audit, verbose, indicateCurrent);
    }

    /** {@code Applied: 2026-11-30T09:27:30Z by app (upgrade, 4 ms)}; no {@code by} for a blank user (H2). */
    private static String appliedLine(AuditEntry audit) {
        String by = audit.appliedBy() == null || audit.appliedBy().isBlank() ? "" : " by " + audit.appliedBy();
        return "Applied: " + audit.appliedAt().truncatedTo(ChronoUnit.SECONDS) + by + " (" + audit.direction() + ", "
                + audit.executionTimeMs() + " ms)";
    }

    /** {@code Modified: the script changed after it was applied (checksum 1a2b… recorded, 7c8d… now)}. */
    static String modifiedLine(AuditEntry record, String now) {
        return "Modified: the script changed after it was applied (checksum " + record.checksum().substring(0, Math.min(12, record.checksum().length()))
                + " recorded, " + now.substring(0, 12) + " now)";
    }

    private static List<String> orDefault(String value, String fallback) {
        return List.of(value == null ? fallback : value);
    }

    private List<String> display(List<String> base, List<String> head, List<String> rows,
            Map<String, AuditEntry> applied, AuditHistory audit, boolean verbose, boolean indicateCurrent) {
        RevisionFormat format = new RevisionFormat(env.scripts());
        List<Revision> revisions = RevisionErrors.catching().start(String.join(", ", base))
                .end(String.join(", ", head)).call(() -> env.graph().walk(base, head));
        for (Revision revision : revisions) {
            boolean current = indicateCurrent && rows.contains(revision.id());
            var script = env.scripts().script(revision.id());
            if (verbose) {
                List<String> lines = new ArrayList<>();
                if (applied.containsKey(revision.id())) {
                    lines.add(appliedLine(applied.get(revision.id())));
                }
                if (audit != null && Boolean.FALSE.equals(audit.checksumMatches(revision.id()))) {
                    lines.add(modifiedLine(audit.checksumRecord(revision.id()), script.body().checksum()));
                }
                env.print(format.logEntry(script, current, lines));
            } else {
                env.print(format.oneLine(script, RevisionFormat.Parts.HISTORY, current));
            }
        }
        return revisions.stream().map(Revision::id).toList();
    }
}
