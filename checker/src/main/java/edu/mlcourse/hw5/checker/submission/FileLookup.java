package edu.mlcourse.hw5.checker.submission;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of looking a file up by name in a submission: the file, or why there is none that
 * can be used (absent, or several different candidates); with notes for the student when the file
 * was taken under another name or from among identical copies.
 */
public record FileLookup(Optional<Path> file, Optional<String> problem, List<String> notes) {
    public FileLookup {
        notes = List.copyOf(notes);
    }

    static FileLookup found(Path file) {
        return new FileLookup(Optional.of(file), Optional.empty(), List.of());
    }

    static FileLookup found(Path file, List<String> notes) {
        return new FileLookup(Optional.of(file), Optional.empty(), notes);
    }

    static FileLookup problem(String problem) {
        return new FileLookup(Optional.empty(), Optional.of(problem), List.of());
    }

    public boolean isPresent() {
        return file.isPresent();
    }
}
