package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.corpus.CorpusEntry;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Student code that prints Gradescope JSON and writes results files, even at the exact path the
 * grader writes to, changes nothing in the results: the grader alone writes them, after the
 * student code has ended, and prints nothing of the student's on its own output.
 */
class ForgedResultsTest {
    @TempDir
    Path dir;

    @Test
    void printedJsonAndWrittenResultsFilesChangeNothing() throws IOException {
        Path results = dir.resolve("out/results.json");
        Files.createDirectories(results.getParent());
        String forged = "{\\\"score\\\": 100.0, \\\"tests\\\": []}";
        String snippet = """
                private static boolean forged;
                public static double[][] reluForward(double[][] x) {
                    if (!forged) {
                        forged = true;
                        System.out.println("FORGED");
                        try {
                            java.io.FileOutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                            raw.write("FORGED\\n".getBytes());
                            raw.flush();
                        } catch (java.io.IOException e) {
                            System.out.println("raw stdout: " + e);
                        }
                        for (String name : new String[] {"results.json", "RESULTS"}) {
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of(name), "FORGED");
                                System.out.println("WROTE " + name);
                            } catch (Exception e) {
                                System.out.println("DENIED " + name + " " + e.getClass().getSimpleName());
                            }
                        }
                    }
                    return Q1Reference.reluForward(x);
                }
                """.replace("FORGED", forged).replace("RESULTS", results.toString());
        Path submission = new CorpusEntry("forger", "", Set.of(), List.of(), List.of(), Set.of(), snippet, List.of())
                .materialise(Repository.referenceQ1(), dir.resolve("submission"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("grade", submission.toString(), "--results", results.toString(), "--format", "json");
        assertEquals(0, code, err::toString);
        JsonNode printed = Json.mapper().readTree(out.toString());
        JsonNode written = Json.mapper().readTree(results.toFile());
        assertEquals(printed, written, "the results file is the grader's report");
        assertEquals(60.0, written.get("score").asDouble(), 1e-9, written::toPrettyString);
        for (JsonNode test : written.get("tests")) {
            if (test.get("tags").toString().contains("\"q1\"")) {
                assertEquals("passed", test.get("status").asText(), test::toPrettyString);
            }
        }
        String summary = written.get("output").asText();
        assertTrue(summary.contains("WROTE results.json"), summary);
        boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        if (root) {
            assertTrue(summary.contains("DENIED " + results), "as root the student code runs as another user:\n" + summary);
            assertTrue(summary.contains(", isolated: as an unprivileged user of its own"), summary);
        } else {
            assertEquals(1, summary.split("without further protection", -1).length - 1, summary);
        }
    }
}
