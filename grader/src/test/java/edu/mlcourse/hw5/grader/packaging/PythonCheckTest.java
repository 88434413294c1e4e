package edu.mlcourse.hw5.grader.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.grading.Q1Part;
import edu.mlcourse.hw5.checker.grading.VectorSets;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.Mistake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python bundle's {@code check.py}, unpacked as a student gets it and run with Debian's python3,
 * agrees with the grader: on every submission of the Python corpus
 * ({@code src/test/resources/python-corpus}), plus the untouched template and the reference, each
 * test passes or fails in both, with the same share of its points, and the feedback of every
 * vector-case test is the same text. (Gradient checks draw their own random inputs, so only their
 * verdicts and points are compared.) Each corpus entry is a folder with {@code q1.py} (and any
 * module it imports) and {@code expected.txt}, one line: {@code fails: f, g} (or {@code nothing},
 * or {@code all}), then optionally {@code ; hint: mistakeId} (a Mistake whose hint both must give)
 * and {@code ; says: text} (words both must say). Skipped where /usr/bin/python3 has no numpy.
 */
class PythonCheckTest {
    private static final Path CORPUS = Repository.root().resolve("grader/src/test/resources/python-corpus");

    @TempDir
    static Path dir;
    private static Path bundle;
    private static GradingPipeline grader;

    /** One line of expectations for a corpus entry. */
    record Expectation(Set<String> fails, Optional<Mistake> hint, Optional<String> says) {
        static Expectation parse(String line) {
            Set<String> fails = new TreeSet<>();
            Optional<Mistake> hint = Optional.empty();
            Optional<String> says = Optional.empty();
            for (String part : line.strip().split(";")) {
                String[] field = part.strip().split(":\\s*", 2);
                switch (field[0]) {
                    case "fails" -> {
                        for (String f : field[1].split(",\\s*")) {
                            if (f.equals("all")) {
                                Arrays.stream(Q1Function.values()).map(Q1Function::pythonName).forEach(fails::add);
                            } else if (!f.equals("nothing")) {
                                fails.add(f.strip());
                            }
                        }
                    }
                    case "hint" -> hint = Optional.of(Mistake.byId(field[1].strip())
                            .orElseThrow(() -> new IllegalArgumentException("no mistake " + field[1])));
                    case "says" -> says = Optional.of(field[1].strip());
                    default -> throw new IllegalArgumentException("unknown field in " + line);
                }
            }
            return new Expectation(fails, hint, says);
        }
    }

    @BeforeAll
    static void unpackTheBundle() throws IOException {
        assumeTrue(PythonBundles.pythonHasNumpy(), PythonBundles.PYTHON + " with numpy is needed to run check.py");
        bundle = PythonBundles.buildAndUnpack(dir.resolve("unpacked"));
        grader = new GradingPipeline(List.of(new Q1Part(new Q1Part.Settings(
                VectorSets.loadInBackground(Repository.vectors(), List.of("public")), Rubric.defaults(),
                Tolerance.NUMPY_DEFAULT, GradientSettings.DEFAULT, RunLimits.DEFAULT, () -> Isolation.NONE,
                Path.of(System.getProperty("java.io.tmpdir")), List.of()))), List.of());
    }

    @TestFactory
    Stream<DynamicTest> checkPyAgreesWithTheGraderOnThePythonCorpus() throws IOException {
        Map<String, Path> submissions = new LinkedHashMap<>();
        Map<String, Expectation> expectations = new LinkedHashMap<>();
        submissions.put("template", Repository.root().resolve("student-template-python"));
        expectations.put("template", Expectation.parse("fails: all; says: it still raises the template's NotImplementedError"));
        submissions.put("reference", Repository.root().resolve("reference-solution/src/main/python"));
        expectations.put("reference", Expectation.parse("fails: nothing"));
        try (Stream<Path> entries = Files.list(CORPUS)) {
            for (Path entry : entries.filter(Files::isDirectory).sorted().toList()) {
                String name = entry.getFileName().toString();
                submissions.put(name, entry);
                expectations.put(name, Expectation.parse(Files.readString(entry.resolve("expected.txt"))));
            }
        }
        assertTrue(submissions.size() > 20, "the corpus is there");
        return submissions.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> agree(e.getKey(), e.getValue(), expectations.get(e.getKey()))));
    }

    private static void agree(String name, Path source, Expectation expected) throws IOException {
        Path submission = Files.createDirectories(dir.resolve("corpus").resolve(name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".py") && !f.endsWith("check.py")).toList()) {
                Files.copy(file, submission.resolve(file.getFileName()));
            }
        }
        GradeReport graded = grader.grade(submission);
        assertFalse(graded.graderFailed(), () -> name + ": " + graded.graderErrors());
        Path results = dir.resolve("corpus").resolve(name + ".json");
        PythonBundles.Run checked = PythonBundles.check(bundle, dir, submission.toString(), "--results", results.toString());
        assertEquals(0, checked.code(), checked::toString);
        JsonNode tests = Json.mapper().readTree(results.toFile()).get("tests");

        List<String> graderNames = graded.tests().stream().map(TestResult::name).toList();
        List<String> checkNames = new ArrayList<>();
        tests.forEach(t -> checkNames.add(t.get("name").asText()));
        assertEquals(graderNames, checkNames, name + ": the same tests, in the same order");
        StringBuilder graderText = new StringBuilder(String.join("\n", graded.notes()));
        StringBuilder checkText = new StringBuilder(checked.out());
        for (int i = 0; i < graderNames.size(); i++) {
            TestResult g = graded.tests().get(i);
            JsonNode c = tests.get(i);
            String where = name + ", " + g.name() + ":\n--- grader\n" + g.output() + "\n--- check.py\n" + c.get("output").asText();
            assertEquals(g.passed(), c.get("score").asDouble() >= c.get("max_score").asDouble() - 1e-9, where);
            assertEquals(g.score() / g.maxScore(), c.get("score").asDouble() / c.get("max_score").asDouble(), 1e-3, where);
            if (!g.name().endsWith("gradient check")) {
                assertEquals(g.output(), c.get("output").asText(), where);
            }
            String function = g.name().substring("Q1 ".length(), g.name().indexOf(':'));
            if (!expected.fails().contains(function)) {
                assertTrue(g.passed(), name + ": only the functions it breaks lose points\n" + where);
            } else if (!g.name().endsWith("gradient check")) {
                assertFalse(g.passed(), name + ": it breaks " + function + "\n" + where);
            }
            graderText.append('\n').append(g.output());
            checkText.append('\n').append(c.get("output").asText());
        }
        for (String words : Stream.concat(expected.hint().map(Mistake::pythonHint).stream(), expected.says().stream()).toList()) {
            assertTrue(graderText.toString().contains(words), name + ": the grader says " + words + "\n" + graderText);
            assertTrue(checkText.toString().contains(words), name + ": check.py says " + words + "\n" + checkText);
        }
    }

    @Test
    void theUntouchedTemplateScoresZeroWithOneTodoMessagePerFunction() throws IOException {
        PythonBundles.Run run = PythonBundles.check(bundle, bundle);
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("  Total                                              0.00 / 36.00"), run::toString);
        for (Q1Function function : Q1Function.values()) {
            assertTrue(run.out().contains(function.pythonName() + " raised NotImplementedError: TODO: "
                    + function.pythonName()), run::toString);
        }
        assertTrue(run.out().contains("Likely cause: This function is not written yet"), run::toString);
        assertTrue(run.out().lines().count() < 35, "quiet: one or two lines per function, and the first failure\n" + run);
        assertEquals("", run.err());
    }

    @Test
    void theReferenceGetsEveryPublicPoint() throws IOException {
        Path q1 = Repository.root().resolve("reference-solution/src/main/python/q1.py");
        PythonBundles.Run run = PythonBundles.check(bundle, dir, q1.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("  Total                                             36.00 / 36.00"), run::toString);
        assertTrue(run.out().contains("Every public case and gradient check passed."), run::toString);
        assertTrue(run.out().contains("the other 24 of Q1's 60 points"), run::toString);
    }

    @Test
    void badArgumentsExitWith2AndAOneLineMessage() throws IOException {
        for (List<String> args : List.of(List.of("--no-such-option"), List.of(dir.resolve("nowhere").toString()),
                List.of(bundle.resolve("README.md").toString()), List.of("--call-timeout", "0"))) {
            PythonBundles.Run run = PythonBundles.check(bundle, dir, args.toArray(String[]::new));
            assertEquals(2, run.code(), () -> args + "\n" + run);
            assertEquals("", run.out(), run::toString);
            assertTrue(run.err().strip().lines().reduce((a, b) -> b).orElse("").startsWith("check.py: "), run::toString);
        }
    }

    @Test
    void missingOrDamagedCourseFilesExitWith3() throws IOException {
        Map<String, String> damages = new LinkedHashMap<>();
        damages.put("vectors/public/reluForward.json", "Checksum mismatch for ");
        damages.put("vectors/public/manifest.json", "manifest.json is missing");
        damages.put("lib/course.json", "course.json is missing or damaged");
        damages.put("lib/hw5_worker", "lib/hw5_worker is missing");
        for (Map.Entry<String, String> damage : damages.entrySet()) {
            Path copy = dir.resolve("damaged-" + damage.getKey().replace('/', '-'));
            PythonBundles.copyTree(bundle, copy);
            Path target = copy.resolve(damage.getKey());
            if (damage.getKey().endsWith(".json") && damage.getKey().startsWith("vectors/public/r")) {
                Files.writeString(target, " ", StandardOpenOption.APPEND);
            } else if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.walk(target)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(PythonCheckTest::delete);
                }
            } else {
                Files.delete(target);
            }
            PythonBundles.Run run = PythonBundles.check(copy, copy);
            assertEquals(3, run.code(), () -> damage + "\n" + run);
            assertEquals(1, run.err().strip().lines().count(), run::toString);
            assertTrue(run.err().startsWith("check.py: ") && run.err().contains(damage.getValue()), run::toString);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anEndlessLoopIsReportedAfterTheTimeLimitAndItsFunctionIsNotCalledAgain() throws IOException {
        Path submission = Files.createDirectories(dir.resolve("endless"));
        String reference = Files.readString(Repository.root().resolve("reference-solution/src/main/python/q1.py"));
        Files.writeString(submission.resolve("q1.py"), reference.replace("    return np.maximum(x, 0.0)\n",
                "    while True:\n        pass\n"));
        PythonBundles.Run run = PythonBundles.check(bundle, dir, submission.toString(), "--call-timeout", "0.5",
                "--verbose");
        assertEquals(0, run.code(), run::toString);
        // Within 0.5 s of computing, or 1.0 s of mostly waiting on a machine too busy to give it the CPU.
        assertTrue(run.out().contains("relu_forward did not finish within "), run::toString);
        assertTrue(run.out().contains("relu_forward was not called for this check: it did not finish within "), run::toString);
        assertTrue(run.out().contains("PASS  Q1 softmax_backward: gradient check"), run::toString);
    }
}
