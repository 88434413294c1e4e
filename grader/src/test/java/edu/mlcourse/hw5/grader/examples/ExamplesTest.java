package edu.mlcourse.hw5.grader.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.checker.edition.python.SandboxedTorchModels;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.cli.GraderCommand;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's first command: {@code grader batch examples/submissions}. Each example shows what
 * it says it shows (examples/README.md): the references score 100, each mistake costs exactly its
 * function's points and is named, and the attacks cost only their own functions.
 */
class ExamplesTest {
    private static final Path EXAMPLES = Repository.root().resolve("examples/submissions");

    @TempDir
    static Path out;
    private static final StringWriter printed = new StringWriter();
    private static int exitCode;

    @BeforeAll
    static void gradeTheExamples() {
        Optional<String> unavailable = SandboxedTorchModels.unavailableHere();
        assumeTrue(unavailable.isEmpty(), () -> "the Python examples need Python with PyTorch: " + unavailable.orElse(""));
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(printed, true));
        commandLine.setErr(new PrintWriter(printed, true));
        exitCode = commandLine.execute("batch", EXAMPLES.toString(), "--out", out.toString(), "--jobs", "2");
    }

    private static JsonNode results(String example) throws IOException {
        return Json.mapper().readTree(out.resolve(example).resolve("results.json").toFile());
    }

    /** Points of the tests tagged with {@code function} (as the student names it), or of all Q2 tests. */
    private static double points(JsonNode results, String tag) {
        return sum(results, tag, "score");
    }

    private static double maxPoints(JsonNode results, String tag) {
        return sum(results, tag, "max_score");
    }

    private static double sum(JsonNode results, String tag, String field) {
        double sum = 0;
        for (JsonNode test : results.get("tests")) {
            for (JsonNode t : test.get("tags")) {
                if (t.asText().equals(tag)) {
                    sum += test.get(field).asDouble();
                }
            }
        }
        return sum;
    }

    private static String feedback(JsonNode results, String tag) {
        StringBuilder text = new StringBuilder();
        for (JsonNode test : results.get("tests")) {
            for (JsonNode t : test.get("tags")) {
                if (t.asText().equals(tag)) {
                    text.append(test.get("output").asText()).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Full points for {@code right}, fewer for {@code wrong}, each with its hint. */
    private static void q1(String example, List<String> right, List<String> wrong, List<String> hints) throws IOException {
        JsonNode results = results(example);
        assertEquals("graded", results.get("extra_data").get("state").asText(), example);
        for (String function : right) {
            assertTrue(maxPoints(results, function) > 0, () -> example + " has tests tagged " + function);
            assertEquals(maxPoints(results, function), points(results, function), 1e-9,
                    () -> example + " " + function + " keeps its points");
        }
        for (String function : wrong) {
            assertTrue(points(results, function) < maxPoints(results, function), () -> example + " " + function + " loses points");
        }
        String all = results.get("tests").toString();
        for (String hint : hints) {
            assertTrue(all.contains(hint), () -> example + " should say \"" + hint + "\"");
        }
    }

    @Test
    void theBatchGradesEveryExampleAndSaysWhereTheSummaryIs() throws IOException {
        assertEquals(0, exitCode, printed::toString);
        List<String> examples = new ArrayList<>();
        try (Stream<Path> entries = Files.list(EXAMPLES)) {
            entries.filter(Files::isDirectory).forEach(p -> examples.add(p.getFileName().toString()));
        }
        assertEquals(6, examples.size(), examples::toString);
        for (String example : examples) {
            assertTrue(Files.exists(out.resolve(example).resolve("results.html")), example);
        }
        assertTrue(printed.toString().contains(out.resolve("summary.html").toString()), printed::toString);
    }

    @Test
    void theReferencesScoreFullMarksInBothEditions() throws IOException {
        assertEquals(100.0, results("java-reference").get("score").asDouble(), 1e-9);
        assertEquals(100.0, results("python-reference").get("score").asDouble(), 1e-9);
        assertTrue(feedback(results("java-reference"), "q2").contains("my_model.json, evaluated by the grader"));
        assertTrue(feedback(results("python-reference"), "q2").contains("my_model.pt, evaluated by the grader with"
                + " input as saved"));
        for (String reference : List.of("java-reference", "python-reference")) {
            assertTrue(feedback(results(reference), "q2").contains("Q2 is verified: "), reference);
            assertTrue(results(reference).get("extra_data").get("q2").get("verified").asBoolean(), reference);
        }
    }

    @Test
    void eachMistakeCostsItsOwnFunctionAndIsNamed() throws IOException {
        q1("java-mistakes", List.of("linearForward", "reluForward", "softmaxForward", "softmaxBackward"),
                List.of("linearBackward", "reluBackward"), List.of("Likely mistake"));
        assertEquals(0.0, points(results("java-mistakes"), "q2"));
        assertTrue(feedback(results("java-mistakes"), "q2").contains("predictions.npy"));

        q1("python-mistakes", List.of("linear_forward", "relu_forward", "relu_backward"),
                List.of("linear_backward", "softmax_forward", "softmax_backward"),
                List.of("Your dw is the right answer divided by the batch size N", "Subtract each row's maximum"));
        double q2 = points(results("python-mistakes"), "q2");
        assertTrue(q2 > 0 && q2 < 40, "a model short of 90% gets part of Q2's points: " + q2);
    }

    @Test
    void attacksCostOnlyTheirOwnFunctions() throws IOException {
        q1("java-hostile", List.of("linearForward", "linearBackward"),
                List.of("reluForward", "reluBackward", "softmaxForward", "softmaxBackward"),
                List.of("did not finish within", "ended during the call"));
        q1("python-hostile", List.of("linear_forward", "linear_backward", "relu_backward"),
                List.of("relu_forward", "softmax_forward", "softmax_backward"),
                List.of("did not finish within", "raised MemoryError", "ended during the call"));
        String q2 = feedback(results("python-hostile"), "q2");
        assertTrue(q2.contains("could not be evaluated"), q2);
        assertTrue(q2.contains("Q2 is unverified: my_model.pt could not be evaluated."), q2);
        assertFalse(results("python-hostile").get("extra_data").get("q2").get("verified").asBoolean(), q2);
        assertFalse(Files.exists(Path.of("/autograder/results/results.json")), "nothing may write Gradescope's results");
        for (String example : List.of("java-hostile", "python-hostile")) {
            assertFalse(Files.exists(EXAMPLES.resolve(example).resolve("results.json")),
                    "the submission folder is never written to");
        }
    }

    @Test
    void theReferenceExamplesAreTheReferenceSolution() throws IOException {
        Path python = Repository.root().resolve("reference-solution/src/main/python");
        assertEquals(Files.readString(Repository.referenceQ1()), Files.readString(EXAMPLES.resolve("java-reference/Q1.java")));
        assertEquals(Files.readString(python.resolve("q1.py")), Files.readString(EXAMPLES.resolve("python-reference/q1.py")));
        assertEquals(Files.readString(python.resolve("q2.ipynb")),
                Files.readString(EXAMPLES.resolve("python-reference/q2.ipynb")));
    }
}
