package edu.mlcourse.hw5;

/**
 * The course's own data is missing, damaged or tampered with: test vectors, the held-out set, the
 * rubric, the Fashion-MNIST files, or the built repository a bundle is made from. Never the
 * student's fault, never a score: the command stops with {@code ExitCode.SETUP} and the message.
 */
public class CourseDataException extends Hw5Exception {
    private static final long serialVersionUID = 1L;

    public CourseDataException(String message) {
        super(message);
    }

    public CourseDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
