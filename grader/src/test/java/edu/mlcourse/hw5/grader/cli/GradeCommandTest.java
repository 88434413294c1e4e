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

    @Test
    void badArgumentsExitWith2() {
        assertEquals(2, run("grade", dir.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("does not exist"));
        assertEquals(2, run("grade", dir.toString(), "--format", "xml"));
    }
}
