package edu.mlcourse.hw5;

/**
 * A command was given arguments it cannot use (an unknown option, a count below 1): nothing was
 * done, and the message says what to give instead. Commands exit with {@code ExitCode.USAGE}.
 */
public final class UsageException extends Hw5Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
