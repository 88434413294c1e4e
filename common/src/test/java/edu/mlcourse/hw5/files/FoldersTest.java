package edu.mlcourse.hw5.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
    @TempDir
    Path dir;

    @Test
    void deletesTheWholeTreeButNotWhatALinkInItPointsTo() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "mine");
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("file.txt"), "x");
        Files.createSymbolicLink(dir.resolve("tree/a/link"), outside);

        Folders.deleteTree(dir.resolve("tree"));

        assertFalse(Files.exists(dir.resolve("tree")));
        assertTrue(Files.exists(outside.resolve("keep.txt")), "followed the link");
    }
}
