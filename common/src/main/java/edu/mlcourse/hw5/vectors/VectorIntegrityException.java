package edu.mlcourse.hw5.vectors;

import edu.mlcourse.hw5.CourseDataException;

/** A vector set that is missing, malformed, or does not match its manifest's checksums. */
public final class VectorIntegrityException extends CourseDataException {
    private static final long serialVersionUID = 1L;

    public VectorIntegrityException(String message) {
        super(message);
    }

    public VectorIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
