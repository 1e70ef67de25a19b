package dev.retort;

import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.AuditEntry;
import dev.retort.script.ScriptDirectory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads where the database stands; changes nothing and takes no lock. */
final class StatusCommand {

    private final Environment env;

    StatusCommand(Environment env) {
        this.env = env;
    }

    MigrationStatus run() {
        ScriptDirectory scripts = env.scripts();
        RevisionGraph graph = scripts.graph();
        List<String> rows;
        List<AuditEntry> log;
        try (Database db = Database.open(env.config(), "status")) {
            try {
                rows = db.migrator().currentHeads();
                log = db.versionTable().readLog(db.connection());
            } catch (SQLException | RuntimeException e) {
                throw db.translate(e);
            }
        }
        Steps.checkKnown(graph, rows, env.resolveVendor(env.config().locations()).toString());
        List<String> current = ids(RevisionErrors.catching().call(() -> graph.currentRevisions(rows)));
        List<String> pending = ids(RevisionErrors.catching().call(() -> graph.upgradePlan(rows, "heads")));
        Set<String> applied = graph.ancestorIds(rows, true);
        Map<String, AuditEntry> lastApplied = lastApplied(log, applied);
        AuditHistory audit = new AuditHistory(scripts, rows, log);
        Set<String> modified = Set.copyOf(audit.modified());
        List<MigrationStatus.RevisionInfo> history = new ArrayList<>();
        for (Revision revision : graph.walk("base", "heads")) {
            String id = revision.id();
            String state = rows.contains(id) ? MigrationStatus.RevisionInfo.CURRENT
                    : applied.contains(id) ? MigrationStatus.RevisionInfo.APPLIED
                    : MigrationStatus.RevisionInfo.PENDING;
            history.add(MigrationStatus.RevisionInfo.of(scripts.script(id), List.copyOf(graph.branchLabels(id)),
                    state, graph.isHead(id), lastApplied.get(id),
                    audit.checksumRecord(id) == null || !applied.contains(id) ? null : !modified.contains(id),
                    applied.contains(id) ? null : audit.partlyApplied().get(id)));
        }
        return new MigrationStatus(rows, current, graph.heads(), pending, history);
    }

    /**
     * The latest audit record of each applied revision (the version rows and what they descend from). A downgrade
     * drops a revision's record; a revision that a stamp down took off has no record of its own, so only the
     * applied set can leave it out. Rows of other directions (a recorded checksum, a failed run) apply nothing.
     */
    static Map<String, AuditEntry> lastApplied(List<AuditEntry> log, Set<String> applied) {
        Map<String, AuditEntry> last = new HashMap<>();
        for (AuditEntry entry : log) {
            if (!AuditHistory.APPLYING.contains(entry.direction())) {
                continue;
            }
            if (entry.direction().equals("downgrade")) {
                last.remove(entry.revision());
            } else {
                last.put(entry.revision(), entry);
            }
        }
        last.keySet().retainAll(applied);
        return last;
    }

    List<String> pending(List<String> rows, String target) {
        RevisionGraph graph = env.graph();
        Steps.checkKnown(graph, rows, env.resolveVendor(env.config().locations()).toString());
        return ids(RevisionErrors.catching().call(() -> graph.upgradePlan(rows, target)));
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
