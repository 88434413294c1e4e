package edu.mlcourse.hw5.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Compares generated files with committed ones byte for byte, for the commands' {@code --check}. */
public final class FolderComparison {
    private FolderComparison() {
    }

    /** The files of {@code committed} (of those named) that are missing or differ from {@code fresh}'s. */
    public static List<Path> differing(Path fresh, Path committed, List<String> relativePaths) throws IOException {
        List<Path> differing = new ArrayList<>();
        for (String relative : relativePaths) {
            Path existing = committed.resolve(relative);
            if (!Files.exists(existing) || Files.mismatch(fresh.resolve(relative), existing) != -1) {
                differing.add(existing);
            }
        }
        return differing;
    }
}
