package edu.mlcourse.hw5.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegenerationCheckTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Path> generatedIn = new ArrayList<>();

    private ExitCode check(Path committed) throws IOException {
        return RegenerationCheck.run(folder -> {
            generatedIn.add(folder);
            for (String name : List.of("same", "changed", "missing")) {
                Files.writeString(folder.resolve(name), "content of " + name);
            }
        }, committed, List.of("same", "changed", "missing"), "make it", new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void listsTheCommittedFilesThatAreMissingOrDifferAndSaysHowToRegenerate(@TempDir Path committed) throws IOException {
        Files.writeString(committed.resolve("same"), "content of same");
        Files.writeString(committed.resolve("changed"), "content of changed, edited");

        assertEquals(ExitCode.DIFFERENCES, check(committed));

        assertEquals(List.of("differs: " + committed.resolve("changed"), "differs: " + committed.resolve("missing"),
                "2 file(s) in " + committed + " are missing or differ from a fresh generation; run `make it` to"
                        + " regenerate them."), err.toString().lines().toList());
        assertEquals("", out.toString());
        assertTrue(Files.notExists(generatedIn.get(0)), "the fresh copy is removed");
    }

    @Test
    void identicalFilesAreOk(@TempDir Path committed) throws IOException {
        for (String name : List.of("same", "changed", "missing")) {
            Files.writeString(committed.resolve(name), "content of " + name);
        }
        assertEquals(ExitCode.OK, check(committed));
        assertEquals("OK: " + committed + " matches a fresh generation byte for byte.", out.toString().strip());
        assertEquals("", err.toString());
        assertTrue(Files.notExists(generatedIn.get(0)));
    }
}
