package dev.retort;

import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionStep;
import dev.retort.runtime.StampStep;
import dev.retort.script.ScriptDirectory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Helpers the upgrade, downgrade and stamp commands share. */
final class Steps {

    static final Logger log = LoggerFactory.getLogger("retort.runtime.migration");

    private Steps() {
    }

    static List<MigrationStep> revisionSteps(ScriptDirectory scripts, List<Revision> plan, boolean upgrade) {
        List<MigrationStep> steps = new ArrayList<>(plan.size());
        for (Revision revision : plan) {
            steps.add(new RevisionStep(scripts.script(revision.id()), scripts.graph(), upgrade));
        }
        return steps;
    }

    /**
     * Fails with Alembic's message, and the way out, when the database holds a revision no script has (e.g.
     * after switching branches).
     */
    static void checkKnown(RevisionGraph graph, List<String> rows, String locations) {
        for (String row : rows) {
            if (!graph.contains(row)) {
                throw new CommandException(ErrorCode.UNKNOWN_VERSION_ROW, "Can't locate revision identified by '" + row
                        + "'\nThe database's version table holds revision '" + row + "', which no revision script"
                        + " under " + locations + " has. Restore that script (e.g. check out the branch that"
                        + " added it), or, if the database really is at another revision, re-stamp it: 'stamp"
                        + " --purge <revision>'.");
            }
        }
    }

    static MigrationResult result(String command, Migrator.Result run) {
        List<MigrationResult.Step> steps = new ArrayList<>();
        for (Migrator.AppliedStep applied : run.steps()) {
            MigrationStep step = applied.step();
            String direction = step instanceof StampStep ? "stamp" : step.name();
            String revision = step instanceof RevisionStep rs ? rs.revision()
                    : last(step.toRevisionsNoDeps().isEmpty() ? step.fromRevisionsNoDeps() : step.toRevisionsNoDeps());
            steps.add(new MigrationResult.Step(revision, direction, step.describe(), applied.millis()));
        }
        return new MigrationResult(command, run.headsBefore(), run.headsAfter(), steps, run.millis());
    }

    /** {@code Upgraded 3 revisions in 412 ms; now at 5cd038a8f131 (head)} or {@code Database is up to date at …}. */
    static String summary(RevisionGraph graph, MigrationResult result) {
        String at = describeHeads(graph, result.headsAfter());
        if (result.steps().isEmpty()) {
            return "Database is up to date at " + at;
        }
        long revisions = result.steps().size();
        String verb = switch (result.command()) {
            case "upgrade" -> "Upgraded";
            case "downgrade" -> "Downgraded";
            default -> "Stamped";
        };
        return verb + " " + revisions + (revisions == 1 ? " revision" : " revisions") + " in " + result.millis()
                + " ms; now at " + at;
    }

    static String describeHeads(RevisionGraph graph, List<String> heads) {
        if (heads.isEmpty()) {
            return "base";
        }
        List<String> parts = new ArrayList<>();
        for (String head : heads) {
            parts.add(head + (graph.contains(head) && graph.isHead(head) ? " (head)" : ""));
        }
        return String.join(", ", parts);
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }
}
