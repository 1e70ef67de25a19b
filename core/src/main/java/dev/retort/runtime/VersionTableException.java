package dev.retort.runtime;

/** The version table did not change as a step expected: another writer, or a hand-edited table. */
public class VersionTableException extends RuntimeException {

    public VersionTableException(String message) {
        super(message);
    }
}
