package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line scripts depend on: its exit codes, its files and its one-line errors. */
class GradeCommandTest {
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
    void theReferenceScoresFullQ1MarksAndTheResultsFileSaysSo() throws IOException {
        Path results = dir.resolve("out/results.json");
        int code = run("grade", Repository.referenceQ1().getParent().toString(), "--results", results.toString());
        assertEquals(0, code, err::toString);
        JsonNode json = Json.mapper().readTree(results.toFile());
        double q1 = 0;
        for (JsonNode test : json.get("tests")) {
            if (test.get("tags").toString().contains("q1")) {
                q1 += test.get("score").asDouble();
                assertEquals("passed", test.get("status").asText(), test.toString());
            }
        }
        assertEquals(60.0, q1, 1e-9);
        assertTrue(out.toString().contains("PASS  Q1 linearForward: public cases"), out::toString);
    }

    @Test
    void theFreshTemplateScoresZeroWithTheTodoMessagesAndStillExitsZero() throws IOException {
        Path results = dir.resolve("results.json");
        assertEquals(0, run("grade", Repository.root().resolve("student-template").toString(), "--results",
                results.toString(), "--format", "none"));
        JsonNode json = Json.mapper().readTree(results.toFile());
        assertEquals(0.0, json.get("score").asDouble());
        assertTrue(json.get("tests").get(0).get("output").asText().contains("TODO: linearForward"));
        assertEquals("", out.toString());
    }

    @Test
    void tamperedVectorsStopTheGraderWithOneLineAndExitCode3() throws IOException {
        Path vectors = Repository.copyOfVectors(dir.resolve("vectors"));
        Path target = vectors.resolve("hidden/reluForward.json");
        Files.writeString(target, Files.readString(target).replaceFirst("\\[ \\[ ", "[ [ 9"));
        int code = run("grade", Repository.referenceQ1().getParent().toString(), "--vectors", vectors.toString());
        assertEquals(3, code);
        String error = err.toString().strip();
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.startsWith("grader: Checksum mismatch for " + target), error);
    }

    /** A compile error or a Python import error stops Q1 as a whole: it is said once, and every Q1 test refers to it. */
    @Test
    void whatStopsQ1IsPrintedOnceAboveTheTests() throws IOException {
        Path javaEdition = Files.createDirectories(dir.resolve("java"));
        Files.writeString(javaEdition.resolve("Q1.java"), Files.readString(Repository.referenceQ1())
                .replace("public final class Q1 {", "public final class Q1 {\n    private static final int BROKEN = ;"));
        Path python = Files.createDirectories(dir.resolve("python"));
        Files.writeString(python.resolve("q1.py"), "import numpy as np\n\ndef linear_forward(x, w, b)\n    return x @ w + b\n");
        for (String[] submission : new String[][] {{javaEdition.toString(), "Q1 does not compile"},
            {python.toString(), "q1.py could not be imported: SyntaxError"}}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run("grade", submission[0], "--format", "text"), err::toString);
            String report = out.toString();
            String whatToFix = report.substring(report.indexOf("What to fix"));
            assertEquals(1, whatToFix.split(Pattern.quote(submission[1]), -1).length - 1 - 15, report);
            assertTrue(whatToFix.indexOf(submission[1]) < whatToFix.indexOf("== Q1"), "said above the tests:\n" + report);
            assertEquals(15, whatToFix.split("\\(in full above the tests, under \"What to fix\"\\)", -1).length - 1,
                    report);
        }
    }

    @Test
    void badArgumentsExitWith2() {
        assertEquals(2, run("grade", dir.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("does not exist"));
        assertEquals(2, run("grade", dir.toString(), "--format", "xml"));
    }
}
