package edu.mlcourse.hw5.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionScanTest {
    @TempDir
    Path dir;

    @Test
    void foldersAndZipsAreSubmissionsHiddenEntriesAreIgnoredAndTheRestIsSkippedWithAReason() throws IOException {
        Files.createDirectories(dir.resolve("alice"));
        Files.writeString(dir.resolve("bob.ZIP"), "zip");
        Files.writeString(dir.resolve("notes.txt"), "stray");
        Files.writeString(dir.resolve(".DS_Store"), "hidden");
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("carol"));
        Files.writeString(dir.resolve("carol.zip"), "zip");
        Files.createDirectories(dir.resolve("scores.csv"));
        Files.createDirectories(dir.resolve("graded"));

        SubmissionScan.Found found = SubmissionScan.scan(dir, dir.resolve("graded/run-1"), Set.of("scores.csv"));

        assertEquals(List.of(new BatchSubmission("alice", dir.resolve("alice")), new BatchSubmission("bob", dir.resolve("bob.ZIP"))),
                found.submissions());
        assertEquals(3, found.skipped().size(), found.skipped()::toString);
        assertTrue(found.skipped().stream().anyMatch(s -> s.startsWith("notes.txt: neither a folder nor a .zip")));
        assertTrue(found.skipped().stream().anyMatch(s -> s.startsWith("carol and carol.zip are both the submission \"carol\"")));
        assertTrue(found.skipped().stream().anyMatch(s -> s.startsWith("scores.csv: its id \"scores.csv\" is the name of a file")));
    }

    @Test
    void anEmptyFolderHasNoSubmissions() throws IOException {
        SubmissionScan.Found found = SubmissionScan.scan(dir, dir.resolveSibling("elsewhere"), Set.of());
        assertTrue(found.submissions().isEmpty());
        assertTrue(found.skipped().isEmpty());
    }
}
