package edu.mlcourse.hw5.checker.edition.java.compile;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/** A class file javac writes into memory. */
final class ClassBytes extends SimpleJavaFileObject {
    private final String binaryName;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ClassBytes(String binaryName) {
        super(URI.create("mem:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
        this.binaryName = binaryName;
    }

    @Override
    public OutputStream openOutputStream() {
        return bytes;
    }

    String binaryName() {
        return binaryName;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
