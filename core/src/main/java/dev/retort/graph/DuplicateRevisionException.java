package dev.retort.graph;

/** Two revisions share one id. */
public class DuplicateRevisionException extends RevisionGraphException {

    private final String id;

    public DuplicateRevisionException(String id) {
        super("Revision " + id + " is present more than once");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
