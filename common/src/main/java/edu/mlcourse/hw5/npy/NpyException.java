package edu.mlcourse.hw5.npy;

import edu.mlcourse.hw5.StudentFileException;

/**
 * An {@code .npy} file this project cannot read: not an {@code .npy} file, a version, dtype or
 * shape it does not accept, a damaged header or data. The message names the file (not its folder,
 * since students read it) and says how to save the array so that it is accepted.
 */
public final class NpyException extends StudentFileException {
    private static final long serialVersionUID = 1L;

    public NpyException(String message) {
        super(message);
    }
}
