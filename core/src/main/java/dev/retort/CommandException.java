package dev.retort;

import java.util.Objects;

/**
 * A command failed. The message is what the CLI prints after {@code FAILED: } (Alembic's wording where Alembic has
 * the same failure); {@link #code()} says what kind of failure it is.
 */
public class CommandException extends RuntimeException {

    private final ErrorCode code;

    public CommandException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public CommandException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
    }

    /** What kind of failure this is. */
    public ErrorCode code() {
        return code;
    }
}
