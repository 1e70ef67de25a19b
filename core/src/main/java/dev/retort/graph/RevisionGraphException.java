package dev.retort.graph;

/**
 * A problem with the revision graph or with an identifier resolved against it. Subclasses carry the data; the
 * message uses Alembic's wording.
 */
public class RevisionGraphException extends RuntimeException {

    public RevisionGraphException(String message) {
        super(message);
    }
}
