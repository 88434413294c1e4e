package edu.mlcourse.hw5.checker.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What an {@link Isolation} wraps: the command that starts a worker, and the folders it runs
 * from (a Java installation, a Python prefix), which an isolated worker must be able to read even
 * when they lie outside the system folders.
 */
record Launch(List<String> command, List<Path> runtimeFolders) {
    public Launch {
        command = List.copyOf(command);
        runtimeFolders = List.copyOf(runtimeFolders);
    }
}
