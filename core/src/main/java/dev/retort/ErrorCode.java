package dev.retort;

/**
 * What kind of failure a {@link CommandException} is: it picks the CLI's exit code and the remedy shown to users,
 * so nobody has to parse message text.
 */
public enum ErrorCode {

    /** An identifier such as {@code head} resolved to several heads. */
    MULTIPLE_HEADS("Run 'heads' to see the heads, then upgrade to 'heads' (all of them), pick one with"
            + " '<branchname>@head', or join them with 'merge heads'."),
    /** An identifier (a target, a {@code Revises} id given on the command line) matches no revision script. */
    UNKNOWN_REVISION("Run 'history' to list the revisions; a target is a full id, a unique prefix of one, 'head',"
            + " 'heads', 'base', '<branchname>@head' or a relative step such as +1."),
    /** The database's version table holds a revision no script has (e.g. after switching branches). */
    UNKNOWN_VERSION_ROW(null),
    /** Two points are not along one branch, or a relative step can't be taken. */
    INVALID_TARGET("Run 'current' to see where the database is and 'history' to see the revisions, then pick a"
            + " target along one branch from there."),
    /** A revision script is malformed or the scripts don't form a valid graph. */
    INVALID_SCRIPT(null),
    /** A command needs a database and none was configured. */
    NO_DATABASE("Pass --url (or set DATABASE_URL in the environment or in a .env file)."),
    /** The database could not be reached or read. */
    DATABASE_ERROR("Check the URL, the credentials and that the database is running, then run the command again."),
    /** Another process held the migration lock for longer than the lock timeout. */
    LOCK_TIMEOUT("Another migration is running against this database; wait for it to finish, or raise the lock"
            + " timeout."),
    /** A statement of a revision failed; the run was rolled back as far as its transaction mode allows. */
    MIGRATION_FAILED(null),
    /** The version table did not change as expected (a concurrent writer, or a hand-edited table). */
    VERSION_TABLE_CONFLICT("Inspect the version table; 'current' shows what the database holds."),
    /** The database is not at the script heads ({@code current --check-heads}, or validate mode). */
    NOT_AT_HEAD("Run 'upgrade heads' to apply the pending revisions."),
    /** An applied revision's script was edited after it ran: it no longer matches the checksum in the audit log. */
    CHECKSUM_MISMATCH("Restore the script as it was applied, or record it as it is now with 'stamp --checksums'."),
    /** The plan would run a revision the audit log records as applied, e.g. after a 'Revises' line changed. */
    REVISION_ALREADY_APPLIED("Restore the 'Revises' line of the revision that was moved; join lines with 'merge'."),
    /** Revisions below the version rows never ran, e.g. a branch merged or rebased below applied revisions. */
    MISSING_REVISIONS("Run them with 'upgrade --include-missing', or mark them applied with 'stamp --missing'."),
    /**
     * A revision's last upgrade failed part-way outside a transaction (or on a database that commits DDL as it
     * runs), leaving its first statements applied; or {@code --resume} found those statements edited since.
     */
    PARTLY_APPLIED("Continue the revision after its applied statements with 'upgrade --resume', or undo them by"
            + " hand and run the whole revision with 'upgrade --retry'."),
    /** {@code check} found differences between the target schema and the database. */
    SCHEMA_CHANGED("Run 'revision --autogenerate -m \"<message>\"' to write a revision for them, review it, then"
            + " 'upgrade heads'."),
    /** Autogenerate was asked for without a target schema (the application's entities). */
    NO_TARGET_SCHEMA("Run it through the application's command mode: java -jar app.jar migrations revision"
            + " --autogenerate -m \"<message>\"."),
    /** A command's arguments don't make sense together. */
    INVALID_ARGUMENTS("See the command's --help for its arguments."),
    /** The database is not one Retort has a dialect for (e.g. MySQL, MariaDB). */
    UNSUPPORTED_DATABASE("Retort supports PostgreSQL, and H2 for tests and development; point the URL at one of"
            + " them."),
    /** Anything else. */
    FAILED("See the message above.");

    private final String action;

    ErrorCode(String action) {
        this.action = action;
    }

    /**
     * What the user can do about it, in one or two sentences: the second line the CLI prints under
     * {@code FAILED: <message>}. {@code null} for the kinds whose messages always end with what to do (a revision
     * script's problem and its fix, a failed statement and the state it left the database in).
     */
    public String action() {
        return action;
    }

    /** The CLI's exit code for this failure. */
    public int exitCode() {
        return 1;
    }
}
