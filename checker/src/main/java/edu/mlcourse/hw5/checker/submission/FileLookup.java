package edu.mlcourse.hw5.checker.submission;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The result of looking a file up by name in a submission: the file, or why there is none that
 * can be used (absent, or several candidates).
 */
public record FileLookup(Optional<Path> file, Optional<String> problem) {
    static FileLookup found(Path file) {
        return new FileLookup(Optional.of(file), Optional.empty());
    }

    static FileLookup problem(String problem) {
        return new FileLookup(Optional.empty(), Optional.of(problem));
    }

    public boolean isPresent() {
        return file.isPresent();
    }
}
