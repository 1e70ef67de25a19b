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
    UNKNOWN_REVISION("Check the id with 'history'."),
    /** The database's version table holds a revision no script has (e.g. after switching branches). */
    UNKNOWN_VERSION_ROW("Restore the script that has the revision, or, if the database really is at another"
            + " revision, re-stamp it with 'stamp --purge <revision>'."),
    /** Two points are not along one branch, or a relative step can't be taken. */
    INVALID_TARGET("Check the target against 'history' and 'current'."),
    /** A revision script is malformed or the scripts don't form a valid graph. */
    INVALID_SCRIPT("Fix the revision script named in the message."),
    /** A command needs a database and none was configured. */
    NO_DATABASE("Pass --url (or set DATABASE_URL in the environment or a .env file)."),
    /** The database could not be reached or read. */
    DATABASE_ERROR("Check the URL, credentials and that the database is running."),
    /** Another process held the migration lock for longer than the lock timeout. */
    LOCK_TIMEOUT("Another migration is running against this database; wait for it to finish, or raise the lock"
            + " timeout."),
    /** A statement of a revision failed; the run was rolled back as far as its transaction mode allows. */
    MIGRATION_FAILED("Fix the statement in the revision script named in the message, then run the command"
            + " again."),
    /** The version table did not change as expected (a concurrent writer, or a hand-edited table). */
    VERSION_TABLE_CONFLICT("Inspect the version table; 'current' shows what the database holds."),
    /** The database is not at the script heads ({@code current --check-heads}, or validate mode). */
    NOT_AT_HEAD("Run 'upgrade heads' to apply the pending revisions."),
    /** A command's arguments don't make sense together. */
    INVALID_ARGUMENTS("See the command's --help."),
    /** The database is not one Retort has a dialect for (e.g. MySQL, MariaDB). */
    UNSUPPORTED_DATABASE("Retort supports PostgreSQL, and H2 for tests and development; point the URL at one of"
            + " them."),
    /** Anything else. */
    FAILED("See the message above.");

    private final String action;

    ErrorCode(String action) {
        this.action = action;
    }

    /** What the user can do about it, in one or two sentences. */
    public String action() {
        return action;
    }

    /** The CLI's exit code for this failure. */
    public int exitCode() {
        return 1;
    }
}
