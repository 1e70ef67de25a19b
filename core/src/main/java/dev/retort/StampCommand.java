package dev.retort;

import dev.retort.dialect.Dialect;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.StampMove;
import dev.retort.runtime.AuditNote;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.OfflineScript;
import dev.retort.runtime.StampStep;
import java.util.ArrayList;
import java.util.List;

/** {@code stamp TARGET...}: rewrites the version rows without running any revision. */
final class StampCommand {

    private final Environment env;

    StampCommand(Environment env) {
        this.env = env;
    }

    MigrationResult run(List<String> targets, boolean purge, boolean sql) {
        if (targets.isEmpty()) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "stamp needs at least one revision, e.g. 'heads'");
        }
        RevisionGraph graph = env.graph();
        if (sql) {
            if (purge) {
                throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Can't use --purge with --sql mode",
                        "Leave out --purge, or run without --sql.", null);
            }
            return offline(graph, targets);
        }
        for (String target : targets) {
            if (target.contains(":")) {
                throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Range revision not allowed",
                        "Give revisions to stamp; a range start:end works with --sql only.", null);
            }
        }
        try (Database db = Database.open(env.config(), "stamp")) {
            try {
                Migrator.Result run = db.migrator().run(heads -> {
                    if (!purge) {
                        Steps.checkKnown(graph, heads, env.resolveVendor(env.config().locations()).toString());
                    }
                    return plan(graph, targets, heads);
                }, purge);
                MigrationResult result = Steps.result("stamp", run);
                Steps.log.info(Steps.summary(graph, result));
                return result;
            } catch (Exception e) {
                throw db.translate(e);
            }
        }
    }

    /**
     * {@code stamp --checksums [REV...]}: records the scripts of applied revisions as they are now (all edited ones
     * when none are named), so that the checksum check accepts the edit; audited, moves no version row.
     */
    List<String> checksums(List<String> revisions) {
        return record("stamp --checksums", (history, heads) -> {
            List<String> ids = new ArrayList<>();
            for (String revision : revisions) {
                ids.add(RevisionErrors.catching().call(() -> env.graph().resolveOne(revision)).id());
            }
            return history.checksumNotes(ids);
        }, "Recorded the checksum of {} ('{}') as it is now", "No applied revision's script differs from its"
                + " recorded checksum; nothing recorded");
    }

    /**
     * {@code stamp --missing}: marks the revisions below the version rows that never ran as applied, without
     * running them; audited (with their checksums), moves no version row.
     */
    List<String> missing() {
        return record("stamp --missing", (history, heads) -> history.missingNotes(),
                "Marked {} ('{}') applied without running it", "No revision below the version rows is missing;"
                        + " nothing recorded");
    }

    private interface NotesFor {
        List<AuditNote> notes(AuditHistory history, List<String> heads);
    }

    private List<String> record(String command, NotesFor notesFor, String done, String nothing) {
        var scripts = env.scripts();
        try (Database db = Database.open(env.config(), command)) {
            try {
                List<AuditNote> notes = db.migrator().record(heads -> {
                    Steps.checkKnown(scripts.graph(), heads, env.resolveVendor(env.config().locations()).toString());
                    return notesFor.notes(new AuditHistory(scripts, heads, db.versionTable().readLog(db.connection())),
                            heads);
                });
                for (AuditNote note : notes) {
                    Steps.log.info(done, note.revision(), note.script());
                }
                if (notes.isEmpty()) {
                    Steps.log.info(nothing);
                }
                return notes.stream().map(AuditNote::revision).toList();
            } catch (Exception e) {
                throw db.translate(e);
            }
        }
    }

    private static List<MigrationStep> plan(RevisionGraph graph, List<String> targets, List<String> heads) {
        List<StampMove> moves = RevisionErrors.catching()
                .multipleHeads("Multiple heads are present; please specify a single target revision")
                .call(() -> graph.stampPlan(targets, heads));
        List<MigrationStep> steps = new ArrayList<>();
        for (StampMove move : moves) {
            steps.add(new StampStep(move.from(), move.to(), move.upgrade(), move.branchMove()));
        }
        return steps;
    }

    private MigrationResult offline(RevisionGraph graph, List<String> targets) {
        String start = null;
        List<String> destinations = new ArrayList<>();
        for (String target : targets) {
            String destination = target;
            int colon = target.indexOf(':');
            if (colon >= 0) {
                String from = target.substring(0, colon);
                destination = target.substring(colon + 1);
                if (start != null && !start.equals(from)) {
                    throw new CommandException(ErrorCode.INVALID_ARGUMENTS,
                            "Stamp operation with --sql only supports a single starting revision at a time",
                            "Stamp from one revision at a time.", null);
                }
                start = from;
            }
            destinations.add(destination);
        }
        Dialect dialect = UpgradeCommand.offlineDialect(env.config());
        Migrator.logContext(dialect, true);
        List<String> heads = UpgradeCommand.startingHeads(graph, start);
        new OfflineScript(dialect, env.config().schema(), env.config().versionTable(),
                env.config().transactionPerMigration(), env::print).write(heads, plan(graph, destinations, heads));
        return new MigrationResult("stamp", heads, List.of(), List.of(), 0);
    }
}
