package edu.mlcourse.hw5.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /** Copies the committed vector sets into {@code folder}, for tests that tamper with a copy. */
    public static Path copyOfVectors(Path folder) throws IOException {
        for (String set : new String[] {"public", "hidden"}) {
            Files.createDirectories(folder.resolve(set));
            try (Stream<Path> files = Files.list(vectors().resolve(set))) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(set).resolve(file.getFileName()));
                }
            }
        }
        return folder;
    }
}
