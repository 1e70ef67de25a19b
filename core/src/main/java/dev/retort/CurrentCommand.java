package dev.retort;

import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.internal.Messages;
import dev.retort.runtime.AuditEntry;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;

/**
 * {@code current}: the revisions the database is at, in Alembic's format. Reads only: it never creates the version
 * table or takes the lock.
 */
final class CurrentCommand {

    private final Environment env;

    CurrentCommand(Environment env) {
        this.env = env;
    }

    List<String> run(boolean verbose, boolean checkHeads) {
        RevisionGraph graph = env.graph();
        try (Database db = Database.open(env.config(), "current")) {
            List<String> rows;
            try {
                rows = db.migrator().currentHeads();
            } catch (SQLException | RuntimeException e) {
                throw db.translate(e);
            }
            Steps.checkKnown(graph, rows, env.resolveVendor(env.config().locations()).toString());
            if (verbose) {
                env.print("Current revision(s) for " + db.displayUrl() + ":");
            }
            List<Revision> current = RevisionErrors.catching().call(() -> graph.currentRevisions(rows));
            if (checkHeads && !new HashSet<>(ids(current)).equals(new HashSet<>(graph.heads()))) {
                throw new CommandException(ErrorCode.NOT_AT_HEAD, "Database is not on all head revisions");
            }
            RevisionFormat format = new RevisionFormat(env.scripts());
            for (Revision revision : current) {
                env.print(format.format(env.scripts().script(revision.id()), verbose, RevisionFormat.Parts.CURRENT,
                        false));
            }
            if (verbose) {
                printIntegrity(db, rows);
            }
            return ids(current);
        }
    }

    /** With {@code -v}: the applied revisions edited since they ran, and those below the rows that never ran. */
    private void printIntegrity(Database db, List<String> rows) {
        AuditHistory audit;
        try {
            audit = new AuditHistory(env.scripts(), rows, db.versionTable().readLog(db.connection()));
        } catch (SQLException e) {
            throw db.translate(e);
        }
        for (String id : audit.modified()) {
            env.print("Modified since applied: " + id + " ('" + env.scripts().script(id).source().displayPath()
                    + "'); 'stamp --checksums' records it as it is now");
        }
        for (Revision revision : audit.missing()) {
            env.print("Never applied, below the current revision: " + revision.id() + " ('"
                    + env.scripts().script(revision.id()).source().displayPath() + "'); 'upgrade --include-missing'"
                    + " runs it");
        }
        for (AuditEntry failed : audit.partlyApplied().values()) {
            env.print("Partly applied: " + failed.revision() + " ('" + failed.script() + "'): "
                    + Messages.firstStatements(failed.appliedStatements()) + " stayed applied when its upgrade failed"
                    + " at " + AuditHistory.at(failed.appliedAt()) + "; 'upgrade --resume' continues it after fixing"
                    + " the script");
        }
    }

    /** The version rows, for commands that only need them ({@code show current}, {@code history -i}). */
    static List<String> rows(Environment env, String command) {
        try (Database db = Database.open(env.config(), command)) {
            try {
                List<String> rows = db.migrator().currentHeads();
                Steps.checkKnown(env.graph(), rows, env.resolveVendor(env.config().locations()).toString());
                return rows;
            } catch (SQLException | RuntimeException e) {
                throw db.translate(e);
            }
        }
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
