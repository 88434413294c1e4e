package edu.mlcourse.hw5.checker.submission;

import edu.mlcourse.hw5.StudentFileException;

/** A submission that cannot be opened at all: not a folder or zip, unsafe or too large. */
public final class SubmissionException extends StudentFileException {
    private static final long serialVersionUID = 1L;

    public SubmissionException(String message) {
        super(message);
    }

    public SubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
