package edu.mlcourse.hw5.protocol;

import java.io.IOException;

/** The peer sent something that does not follow the protocol, or more than a reader allows. */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
