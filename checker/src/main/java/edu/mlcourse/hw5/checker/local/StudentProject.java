package edu.mlcourse.hw5.checker.local;

import java.nio.file.Path;

/** Where things are in the project students receive (the student bundle). */
public final class StudentProject {
    /** The public test vectors. */
    public static final Path PUBLIC_VECTORS = Path.of("vectors", "public");
    /** The held-out images (no labels) that Q2 predicts, with their manifest. */
    public static final Path HELDOUT_IMAGES = Path.of("data", "heldout");

    private StudentProject() {
    }
}
