package edu.mlcourse.hw5;

/**
 * The machine lacks what the tool needs: a JDK's compiler, or, as root, the tools that run student
 * code as another user. Never the student's fault, never a score: the command stops with
 * {@code ExitCode.SETUP} and a message that says what to install.
 */
public final class EnvironmentException extends Hw5Exception {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
