package edu.mlcourse.hw5.reference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The reference's command line: the project's exit codes, and `vectors --check` telling differences apart from failures. */
class ReferenceCommandTest {
    private static final Path COMMITTED = Path.of("..", "test-vectors");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = ReferenceCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void vectorsCheckIsOkOnTheCommittedSetsAndReportsAnEditWithTheDifferencesCode(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("test-vectors");
        for (String set : new String[] {"public", "hidden"}) {
            Files.createDirectories(copy.resolve(set));
            try (Stream<Path> files = Files.list(COMMITTED.resolve(set))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.copy(file, copy.resolve(set).resolve(file.getFileName()));
                }
            }
        }
        assertEquals(ExitCode.OK.code(), run("vectors", "--check", "--out", copy.toString()), err::toString);
        assertTrue(out.toString().contains("matches a fresh generation byte for byte"), out::toString);

        Path edited = copy.resolve("hidden/reluForward.json");
        Files.writeString(edited, Files.readString(edited) + "\n");
        assertEquals(ExitCode.DIFFERENCES.code(), run("vectors", "--check", "--out", copy.toString()));
        assertTrue(err.toString().contains("differs: " + edited), err::toString);
        assertTrue(err.toString().contains("run `vectors --out " + copy + "` to regenerate them"), err::toString);
    }

    @Test
    void helpListsTheExitCodes() {
        assertEquals(ExitCode.OK.code(), run("vectors", "--help"));
        assertTrue(out.toString().contains("Exit codes:"), out::toString);
        assertTrue(out.toString().contains(ExitCode.DIFFERENCES.code() + "   --check found files"), out::toString);
    }
}
