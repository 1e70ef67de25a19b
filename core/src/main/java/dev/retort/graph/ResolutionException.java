package dev.retort.graph;

/**
 * An identifier matched no revision or branch, matched several (an ambiguous prefix), or named a revision outside
 * the branch it was qualified with. Commands report all of these as Alembic does: "Can't locate revision identified
 * by '…'".
 */
public class ResolutionException extends RevisionGraphException {

    private final String argument;

    public ResolutionException(String message, String argument) {
        super(message);
        this.argument = argument;
    }

    /** The identifier that could not be resolved. */
    public String argument() {
        return argument;
    }
}
