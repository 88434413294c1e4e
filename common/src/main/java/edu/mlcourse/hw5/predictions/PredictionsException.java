package edu.mlcourse.hw5.predictions;

import edu.mlcourse.hw5.StudentFileException;

/**
 * A predictions file the grader cannot grade. The message is meant for the student: it names the
 * file (without its folder), says what is wrong and how to fix it. {@link #kind()} lets the grader
 * tell the cases apart, e.g. to report a missing file differently from a malformed one.
 */
public final class PredictionsException extends StudentFileException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Kind {
        /** No file at the path, or a folder there. */
        MISSING,
        /** The file has 0 bytes. */
        EMPTY,
        /** Larger than {@link Predictions#MAX_FILE_BYTES}. */
        TOO_LARGE,
        /** The name ends in something other than .npy, .csv or .json. */
        UNSUPPORTED_FORMAT,
        /** Not a valid file of its format, or a value that is not a whole number that fits an int. */
        MALFORMED,
        /** A number of labels other than the number of held-out images. */
        WRONG_LENGTH,
        /** A whole number outside the classes 0..9. */
        LABEL_OUT_OF_RANGE
    }

    private final Kind kind;
    private final String fileName;

    public PredictionsException(Kind kind, String fileName, String message) {
        this(kind, fileName, message, null);
    }

    public PredictionsException(Kind kind, String fileName, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.fileName = fileName;
    }

    public Kind kind() {
        return kind;
    }

    /** The file's name, without its folder. */
    public String fileName() {
        return fileName;
    }
}
