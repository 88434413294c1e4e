package edu.mlcourse.hw5.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderComparisonTest {
    @Test
    void namesTheCommittedFilesThatAreMissingOrDiffer(@TempDir Path fresh, @TempDir Path committed) throws IOException {
        for (String name : List.of("same", "changed", "missing")) {
            Files.writeString(fresh.resolve(name), "content of " + name);
        }
        Files.writeString(committed.resolve("same"), "content of same");
        Files.writeString(committed.resolve("changed"), "content of changed, edited");
        assertEquals(List.of(committed.resolve("changed"), committed.resolve("missing")),
                FolderComparison.differing(fresh, committed, List.of("same", "changed", "missing")));
    }
}
