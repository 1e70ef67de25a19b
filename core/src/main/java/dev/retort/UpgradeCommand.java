package dev.retort;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionStep;
import dev.retort.runtime.OfflineScript;
import dev.retort.script.ScriptDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code upgrade TARGET}: runs the revisions between the database's version rows and the target, in Alembic's
 * order; and {@code downgrade TARGET}, its mirror. With {@code --sql}, writes the script instead of running it.
 */
final class UpgradeCommand {

    private final Environment env;
    private final boolean upgrade;

    UpgradeCommand(Environment env, boolean upgrade) {
        this.env = env;
        this.upgrade = upgrade;
    }

    private String name() {
        return upgrade ? "upgrade" : "downgrade";
    }

    MigrationResult run(String target, boolean sql) {
        String destination = target;
        String start = null;
        if (target.contains(":")) {
            if (!sql) {
                throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Range revision not allowed",
                        "Give one revision; a range start:end works with --sql only.", null);
            }
            int colon = target.indexOf(':');
            start = target.substring(0, colon);
            destination = target.substring(colon + 1);
        } else if (sql && !upgrade) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "downgrade with --sql requires <fromrev>:<torev>",
                    "Give the revision the database is at and the one to go down to, e.g. 'downgrade --sql"
                            + " <current>:base'.", null);
        }
        ScriptDirectory scripts = env.scripts();
        return sql ? offline(scripts, start, destination) : online(scripts, destination);
    }

    private List<Revision> plan(RevisionGraph graph, List<String> heads, String destination) {
        return RevisionErrors.catching()
                .ancestor("Destination %(end)s is not a valid " + name() + " target from current head(s)")
                .end(destination)
                .call(() -> upgrade ? graph.upgradePlan(heads, destination) : graph.downgradePlan(heads, destination));
    }

    private MigrationResult online(ScriptDirectory scripts, String destination) {
        RevisionGraph graph = scripts.graph();
        try (Database db = Database.open(env.config(), name())) {
            try {
                Migrator.Result run = db.migrator().run(heads -> {
                    Steps.checkKnown(graph, heads, locations());
                    List<Revision> plan = plan(graph, heads, destination);
                    AuditHistory history = new AuditHistory(scripts, heads,
                            db.versionTable().readLog(db.connection()));
                    List<Revision> missed = history.check(plan, upgrade, env.config().validateChecksums(),
                            env.config().includeMissing());
                    Map<String, Integer> skips = upgrade ? history.recover(plan, env.config().resume(),
                            env.config().retry(), destination) : Map.of();
                    sayTakenAsApplied(history, heads);
                    List<MigrationStep> steps = new ArrayList<>();
                    for (Revision revision : missed) {
                        steps.add(new RevisionStep(scripts.script(revision.id()), graph, true, true));
                    }
                    for (MigrationStep step : Steps.revisionSteps(scripts, plan, upgrade)) {
                        RevisionStep rs = (RevisionStep) step;
                        steps.add(skips.containsKey(rs.revision()) ? rs.resumingAfter(skips.get(rs.revision())) : rs);
                    }
                    return steps;
                }, false);
                MigrationResult result = Steps.result(name(), run);
                Steps.log.info(Steps.summary(graph, result));
                return result;
            } catch (Exception e) {
                throw db.translate(e);
            }
        }
    }

    /** Says once per run that revisions below the rows without audit records are taken as applied. */
    private static void sayTakenAsApplied(AuditHistory history, List<String> heads) {
        int count = history.takenAsApplied();
        if (count > 0) {
            Steps.log.info("The audit log has no record of {} {} at or below {}; taking {} as applied (the database"
                    + " was migrated before it had an audit log, e.g. by Alembic)", count,
                    count == 1 ? "revision" : "revisions", String.join(", ", heads), count == 1 ? "it" : "them");
        }
    }

    private MigrationResult offline(ScriptDirectory scripts, String start, String destination) {
        RevisionGraph graph = scripts.graph();
        Dialect dialect = offlineDialect(env.config());
        Migrator.logContext(dialect, true);
        List<String> heads = startingHeads(graph, start);
        List<Revision> plan = plan(graph, heads, destination);
        new OfflineScript(dialect, env.config().schema(), env.config().versionTable(),
                env.config().transactionPerMigration(), env::print)
                .write(heads, Steps.revisionSteps(scripts, plan, upgrade));
        List<MigrationResult.Step> steps = new ArrayList<>();
        for (Revision revision : plan) {
            steps.add(new MigrationResult.Step(revision.id(), name(), revision.id(), 0));
        }
        return new MigrationResult(name(), heads, List.of(), steps, 0);
    }

    /** Where offline SQL starts: base, or the revision(s) before the colon of a range. */
    static List<String> startingHeads(RevisionGraph graph, String start) {
        if (start == null || start.isEmpty() || start.equals("base")) {
            return List.of();
        }
        List<String> heads = new ArrayList<>();
        for (String part : start.split(",")) {
            Revision revision = RevisionErrors.catching().call(() -> graph.resolveOne(part.strip()));
            if (revision != null) {
                heads.add(revision.id());
            }
        }
        return heads;
    }

    static Dialect offlineDialect(RetortConfig config) {
        try {
            if (config.dialect() != null) {
                return Dialects.forName(config.dialect());
            }
            if (config.url() != null) {
                return Dialects.forUrl(config.url());
            }
            if (config.dataSource() != null) {
                try (Connection connection = config.dataSource().getConnection()) {
                    return Dialects.forConnection(connection);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CommandException(ErrorCode.INVALID_ARGUMENTS, e.getMessage(), e);
        } catch (SQLException e) {
            throw new CommandException(ErrorCode.DATABASE_ERROR, "Can't tell the database's dialect for offline SQL: "
                    + e.getMessage() + "; pass --dialect postgresql|h2", e);
        }
        throw new CommandException(ErrorCode.INVALID_ARGUMENTS, "Offline SQL needs to know the database; pass"
                + " --dialect postgresql|h2 (or --url)");
    }

    private String locations() {
        return env.resolveVendor(env.config().locations()).toString();
    }
}
