package edu.mlcourse.hw5;

/**
 * The base of every error this project reports about its inputs: a file, a folder, an option.
 *
 * <p>Unchecked because callers rarely recover at the point of failure: the message travels up to a
 * command line or a report, which shows it. Every message says what was wrong and what to do.
 */
public class Hw5Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Hw5Exception(String message) {
        super(message);
    }

    public Hw5Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
