package dev.retort.runtime;

import java.util.List;

/**
 * A statement of a revision failed. Says which revision, file, line and statement, what the database said, and
 * in what state the run left the database.
 */
public class MigrationFailedException extends RuntimeException {

    private final String revision;
    private final String script;
    private final int line;
    private final String statement;
    private final String sqlState;
    private final String databaseMessage;
    private final List<String> headsNow;
    private final int appliedStatements;

    public MigrationFailedException(String message, String revision, String script, int line, String statement,
            String sqlState, String databaseMessage, List<String> headsNow, Throwable cause) {
        this(message, revision, script, line, statement, sqlState, databaseMessage, headsNow, 0, cause);
    }

    /**
     * @param appliedStatements how many of the revision's first statements stayed applied, as recorded in the audit
     *        log (0 when the revision was rolled back)
     */
    public MigrationFailedException(String message, String revision, String script, int line, String statement,
            String sqlState, String databaseMessage, List<String> headsNow, int appliedStatements, Throwable cause) {
        super(message, cause);
        this.appliedStatements = appliedStatements;
        this.revision = revision;
        this.script = script;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.databaseMessage = databaseMessage;
        this.headsNow = List.copyOf(headsNow);
    }

    /** The revision whose statement failed. */
    public String revision() {
        return revision;
    }

    /** The script's path as its location spells it. */
    public String script() {
        return script;
    }

    /** The line the failing statement starts on. */
    public int line() {
        return line;
    }

    /** The failing statement's first line. */
    public String statement() {
        return statement;
    }

    public String sqlState() {
        return sqlState;
    }

    /** What the database said. */
    public String databaseMessage() {
        return databaseMessage;
    }

    /** The version rows after the failure was rolled back (as far as the transaction mode allows). */
    public List<String> headsNow() {
        return headsNow;
    }

    /**
     * How many of the revision's first statements stayed applied and are recorded as such in the audit log, so that
     * {@code upgrade --resume} continues after them; 0 when the revision was rolled back.
     */
    public int appliedStatements() {
        return appliedStatements;
    }
}
