package edu.mlcourse.hw5;

/**
 * The base of every error this project reports about its inputs and its surroundings. Each
 * subtype is one kind of trouble, which decides what happens next:
 *
 * <ul>
 *   <li>{@link CourseDataException}: the course's own data (test vectors, the held-out set, the
 *       rubric, the dataset, a build to package) is missing, damaged or tampered with. Nothing can
 *       be graded; commands exit with {@code ExitCode.SETUP}.</li>
 *   <li>{@link EnvironmentException}: the machine lacks what the tool needs (a JDK's compiler,
 *       the tools that isolate student code). Also {@code ExitCode.SETUP}.</li>
 *   <li>{@link StudentFileException}: a file a student handed in cannot be used. Only the part
 *       that needs it loses points, and the message tells the student what to fix.</li>
 *   <li>{@link UsageException}: a command's arguments cannot be used; {@code ExitCode.USAGE}.</li>
 * </ul>
 *
 * <p>Anything else that escapes is a failure of the tool itself, never a judgement of the student.
 * Unchecked because callers rarely recover at the point of failure: the message travels up to a
 * command line or a report, which shows it. Every message says what was wrong and what to do.
 */
public abstract class Hw5Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected Hw5Exception(String message) {
        super(message);
    }

    protected Hw5Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
