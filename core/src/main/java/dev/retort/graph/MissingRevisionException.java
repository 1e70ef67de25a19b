package dev.retort.graph;

/** A revision names, as a down revision or a dependency, an id (or label) that no revision has. */
public class MissingRevisionException extends RevisionGraphException {

    private final String revision;
    private final String referenced;
    private final boolean dependency;

    public MissingRevisionException(String revision, String referenced, boolean dependency) {
        super("Revision " + referenced + " referenced from " + revision + " is not present");
        this.revision = revision;
        this.referenced = referenced;
        this.dependency = dependency;
    }

    /** The revision holding the dangling reference. */
    public String revision() {
        return revision;
    }

    /** The id or label that matches nothing. */
    public String referenced() {
        return referenced;
    }

    /** Whether the reference is a dependency ({@code Depends On}) rather than a down revision ({@code Revises}). */
    public boolean dependency() {
        return dependency;
    }
}
