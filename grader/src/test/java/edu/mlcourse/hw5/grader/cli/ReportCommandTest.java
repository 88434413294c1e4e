package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code grader report OUT}: its arguments and what it writes (InsightsBatchTest covers a real batch). */
class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void aMissingOutputFolderIsABadArgument() {
        assertEquals(2, run("report", dir.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("OUT " + dir.resolve("nowhere") + " does not exist."), err::toString);
    }

    @Test
    void anEmptyOutputFolderGetsEmptySummaries() throws IOException {
        assertEquals(0, run("report", dir.toString()), err::toString);
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("0 submissions: 0 graded, 0 not graded."));
        assertTrue(Files.exists(dir.resolve("summary.html")));
        assertTrue(out.toString().contains("0 submission(s), 0 not graded."), out::toString);
    }
}
