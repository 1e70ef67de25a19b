package dev.retort;

import dev.retort.graph.RevisionGraph;
import dev.retort.script.RevisionScript;
import dev.retort.script.ScriptDirectory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Alembic's text formats for a revision: the one-line form ({@code Script._head_only}) and the verbose block
 * ({@code Script.log_entry}).
 */
final class RevisionFormat {

    private final ScriptDirectory scripts;
    private final RevisionGraph graph;

    RevisionFormat(ScriptDirectory scripts) {
        this.scripts = scripts;
        this.graph = scripts.graph();
    }

    /** Which parts of the one-line form to show. */
    record Parts(boolean branches, boolean doc, boolean parents, boolean tree) {

        static final Parts HISTORY = new Parts(true, true, true, true);
        static final Parts HEADS = new Parts(true, false, false, false);
        static final Parts CURRENT = new Parts(false, false, false, true);
        static final Parts BRANCHPOINT = new Parts(true, false, false, true);
    }

    /** Alembic's {@code cmd_format}: the verbose block, or the one-line form. */
    String format(RevisionScript script, boolean verbose, Parts parts, boolean current) {
        return verbose ? logEntry(script, current) : oneLine(script, parts, current);
    }

    String oneLine(RevisionScript script, Parts parts, boolean current) {
        String id = script.id();
        StringBuilder text = new StringBuilder();
        List<String> dependsOn = script.revision().dependsOn();
        if (parts.parents()) {
            text.append(parentsOf(script));
            if (!dependsOn.isEmpty()) {
                text.append(" (").append(String.join(", ", dependsOn)).append(')');
            }
            text.append(" -> ");
        }
        text.append(id);
        if (parts.branches() && !graph.branchLabels(id).isEmpty()) {
            text.append(" (").append(String.join(", ", graph.branchLabels(id))).append(')');
        }
        if (graph.isRealHead(id)) {
            text.append(" (head)");
        } else if (graph.isHead(id)) {
            text.append(" (effective head)");
        }
        if (current) {
            text.append(" (current)");
        }
        if (parts.tree()) {
            text.append(graph.isBranchPoint(id) ? " (branchpoint)" : "");
            text.append(graph.isMergePoint(id) ? " (mergepoint)" : "");
        }
        if (parts.doc()) {
            text.append(", ").append(script.doc());
        }
        return text.toString();
    }

    String logEntry(RevisionScript script, boolean current) {
        return logEntry(script, current, List.of());
    }

    /** The verbose block with extra lines (e.g. from the audit log) after {@code Path:}. */
    String logEntry(RevisionScript script, boolean current, List<String> extraLines) {
        String id = script.id();
        StringBuilder entry = new StringBuilder("Rev: ").append(id)
                .append(graph.isHead(id) ? " (head)" : "")
                .append(graph.isBranchPoint(id) ? " (branchpoint)" : "")
                .append(graph.isMergePoint(id) ? " (mergepoint)" : "")
                .append(current ? " (current)" : "")
                .append('\n');
        entry.append(graph.isMergePoint(id) ? "Merges: " : "Parent: ").append(parentsOf(script)).append('\n');
        if (!script.revision().dependsOn().isEmpty()) {
            entry.append("Also depends on: ").append(String.join(", ", script.revision().dependsOn())).append('\n');
        }
        if (graph.isBranchPoint(id)) {
            entry.append("Branches into: ").append(String.join(", ", graph.children(id))).append('\n');
        }
        if (!graph.branchLabels(id).isEmpty()) {
            entry.append("Branch names: ").append(String.join(", ", graph.branchLabels(id))).append('\n');
        }
        entry.append("Path: ").append(script.source().absolutePath()).append('\n');
        for (String line : extraLines) {
            entry.append(line).append('\n');
        }
        entry.append('\n').append(script.longDoc().lines().map(line -> "    " + line)
                .collect(Collectors.joining("\n"))).append('\n');
        return entry.toString();
    }

    private static String parentsOf(RevisionScript script) {
        List<String> down = script.revision().downRevisions();
        return down.isEmpty() ? "<base>" : String.join(", ", down);
    }

    ScriptDirectory scripts() {
        return scripts;
    }
}
