package dev.retort;

import java.util.Objects;

/**
 * A command failed. The message is what the CLI prints after {@code FAILED: } (Alembic's wording where Alembic has
 * the same failure); {@link #code()} says what kind of failure it is and {@link #action()} what to do about it.
 */
public class CommandException extends RuntimeException {

    private final ErrorCode code;
    private final String action;

    public CommandException(ErrorCode code, String message) {
        this(code, message, (Throwable) null);
    }

    public CommandException(ErrorCode code, String message, Throwable cause) {
        this(code, message, code.action(), cause);
    }

    /**
     * A failure whose remedy is more specific than its code's.
     *
     * @param action what to do, in one or two sentences; {@code null} when the message already says it
     */
    public CommandException(ErrorCode code, String message, String action, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
        this.action = action;
    }

    /** What kind of failure this is. */
    public ErrorCode code() {
        return code;
    }

    /**
     * What the user can do about it: the line the CLI prints under the message. The code's {@link ErrorCode#action()}
     * unless the failure has a more specific one; {@code null} when the message itself ends with what to do.
     */
    public String action() {
        return action;
    }
}
