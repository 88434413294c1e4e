package edu.mlcourse.hw5;

/**
 * A file a student handed in cannot be used: a zip that cannot be opened, a predictions or model
 * file that is malformed. Only the part that needs the file loses its points; the message is for
 * the student (it names the file without its folder and says how to fix it).
 */
public class StudentFileException extends Hw5Exception {
    private static final long serialVersionUID = 1L;

    public StudentFileException(String message) {
        super(message);
    }

    public StudentFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
