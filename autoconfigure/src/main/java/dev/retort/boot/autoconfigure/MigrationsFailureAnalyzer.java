package dev.retort.boot.autoconfigure;

import dev.retort.CommandException;
import dev.retort.internal.Messages;
import dev.retort.runtime.MigrationFailedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports Retort's failures at startup as Spring Boot's "APPLICATION FAILED TO START": what went wrong (the
 * command's own message: revision, file, line, database message) and the command that fixes it.
 */
class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<CommandException> {

    private static final String APP = "java -jar <your-app>.jar migrations";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CommandException cause) {
        return new FailureAnalysis("Retort migrations failed: " + cause.getMessage(), action(cause), cause);
    }

    private static String action(CommandException cause) {
        return switch (cause.code()) {
            case MULTIPLE_HEADS -> "See the heads with '" + APP + " heads'. Upgrade all of them with"
                    + " migrations.target=heads, pick one with migrations.target=<branch>@head, or join them with '"
                    + APP + " merge heads -m \"merge heads\"' (or mvn spring-boot:run"
                    + " -Dspring-boot.run.arguments=\"migrations merge heads -m merge\").";
            case UNKNOWN_REVISION -> "Check migrations.target (and any revision given on the command line)"
                    + " against the revision ids: '" + APP + " history' lists them.";
            case UNKNOWN_VERSION_ROW -> "The database holds a revision no script on the classpath has (e.g. it was"
                    + " migrated from another branch). Restore the script, or re-stamp the database: '" + APP
                    + " stamp --purge <revision>'.";
            case MIGRATION_FAILED -> cause.getCause() instanceof MigrationFailedException failed
                    && existingSchema(failed) ? "The database already has what revision " + failed.revision()
                            + " creates (made by schema.sql or by Hibernate before Retort), but no revision is"
                            + " recorded in its version table. If its schema is what " + failed.revision()
                            + " makes, stamp it there instead of running it: '" + APP + " stamp " + failed.revision()
                            + "' (it records the revision and runs nothing), then restart the application; later"
                            + " revisions run as usual. If it is not, drop what is in the way or fix the statement at '"
                            + failed.script() + "' line " + failed.line() + "."
                    : cause.getCause() instanceof MigrationFailedException failed && failed.appliedStatements() > 0
                    ? "Fix the statement at '" + failed.script() + "' line " + failed.line() + ", then continue the"
                            + " revision after " + Messages.firstStatements(failed.appliedStatements()) + ", which"
                            + " stayed applied: '" + APP + " upgrade heads --resume' (or undo "
                            + (failed.appliedStatements() == 1 ? "it" : "them") + " by hand and run '" + APP
                            + " upgrade heads --retry'), then restart the application."
                    : cause.getCause() instanceof MigrationFailedException failed
                    ? "Fix the statement at '" + failed.script() + "' line " + failed.line() + ", then restart the"
                            + " application (or run '" + APP + " upgrade heads'). '" + APP + " current' shows where"
                            + " the database is."
                    : "Fix the revision script, then restart the application.";
            case PARTLY_APPLIED -> "Continue the revision after the statements that stayed applied: '" + APP
                    + " upgrade heads --resume' (it checks first that they are unchanged), or undo them by hand and"
                    + " run '" + APP + " upgrade heads --retry'; then restart the application.";
            case LOCK_TIMEOUT -> "Another instance is migrating this database. Wait for it and restart, raise"
                    + " migrations.lock-timeout, or migrate once in a separate job ('" + APP + " upgrade heads') and"
                    + " start the instances with migrations.mode=validate.";
            case NOT_AT_HEAD -> "Run the migrations before starting the application: '" + APP + " upgrade heads'"
                    + " (or mvn spring-boot:run -Dspring-boot.run.arguments=\"migrations upgrade heads\"), or set"
                    + " migrations.mode=upgrade to run them at startup.";
            case INVALID_SCRIPT -> "Fix the revision script named above; '" + APP + " history' lists the revisions.";
            case VERSION_TABLE_CONFLICT -> "Something else changed the version table during the run; '" + APP
                    + " current' shows what it holds now.";
            case DATABASE_ERROR -> "Check the DataSource (spring.datasource.* or migrations.url/user/password) and"
                    + " that the database is running.";
            case UNSUPPORTED_DATABASE -> MigrationsConfigs.UNSUPPORTED_ACTION;
            default -> cause.action() != null ? cause.action() : "See the message above.";
        };
    }

    /** SQL states that say an object already exists: PostgreSQL's duplicate_table/_object/_schema/_function, H2's. */
    private static final java.util.Set<String> ALREADY_EXISTS = java.util.Set.of("42P07", "42710", "42P06", "42723",
            "42S01", "42S11", "42101");

    /**
     * A revision failed on an object that already exists while the version table holds no revision: the schema was
     * made before Retort (schema.sql, Hibernate), and the database wants stamping, not upgrading.
     */
    private static boolean existingSchema(MigrationFailedException failed) {
        return failed.headsNow().isEmpty() && failed.sqlState() != null && ALREADY_EXISTS.contains(failed.sqlState());
    }
}
