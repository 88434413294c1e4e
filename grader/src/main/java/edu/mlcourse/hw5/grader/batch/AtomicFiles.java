package edu.mlcourse.hw5.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: to a hidden temporary file beside it, then moved into place,
 * so a batch killed mid-write never leaves half a file for the next run (or a reader) to trust.
 */
final class AtomicFiles {
    /** Temporary files start with this; a killed run may leave some, which the next run removes. */
    static final String TEMPORARY_PREFIX = ".batch-";

    private AtomicFiles() {
    }

    static void write(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), TEMPORARY_PREFIX, ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }
}
