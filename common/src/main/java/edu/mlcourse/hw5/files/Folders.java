package edu.mlcourse.hw5.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Operations on whole folder trees. */
public final class Folders {
    private Folders() {
    }

    /**
     * Deletes {@code root} and everything below it, deepest first, without following links: a link
     * is removed, never what it points to.
     */
    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
