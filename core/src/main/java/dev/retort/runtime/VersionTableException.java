package dev.retort.runtime;

/**
 * The version table is not what a step expected: another writer or a hand-edited table changed its rows, or the
 * name points at something that isn't Retort's version table.
 */
public class VersionTableException extends RuntimeException {

    private final String action;

    public VersionTableException(String message) {
        this(message, null);
    }

    public VersionTableException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What to do, when more specific than the general advice to inspect the table; else {@code null}. */
    public String action() {
        return action;
    }
}
