package edu.mlcourse.hw5.grader;

import java.nio.file.Path;

/** Paths into this repository, for tests that use the reference solution or committed data. */
public final class Repository {
    private Repository() {
    }

    public static Path root() {
        return Path.of(System.getProperty("hw5.repository", "..")).toAbsolutePath().normalize();
    }

    public static Path referenceQ1() {
        return root().resolve("reference-solution/src/main/java/hw5/Q1.java");
    }

    public static Path vectors() {
        return root().resolve("test-vectors");
    }
}
