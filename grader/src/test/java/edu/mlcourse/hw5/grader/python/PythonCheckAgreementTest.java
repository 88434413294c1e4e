package edu.mlcourse.hw5.grader.python;

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
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.packaging.PythonBundles;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.numeric.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The students' {@code check.py} (the Python bundle, unpacked, run with Debian's python3; skipped
 * where it has no numpy) agrees with the grader on every q1.py of the Python corpus
 * ({@link PythonCorpusEntry}), on the untouched template and on the reference, graded on the public
 * set: the same tests in the same order, each passing or failing in both with the same share of its
 * points, and the same feedback text for every vector-case test. (The gradient checks draw their own
 * random inputs, so only their verdicts and points are compared.) The corpus's hints are given by
 * both, and points are lost only on the functions an entry breaks.
 */
class PythonCheckAgreementTest {
    @TempDir
    static Path dir;
    private static Path bundle;
    private static GradingPipeline grader;

    /** What a submission breaks ("everything": it cannot be imported), and words both must say. */
    private record Expectation(Set<String> breaks, List<String> hints) {
        boolean breaks(String function) {
            return breaks.contains("everything") || breaks.contains(function);
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
    Stream<DynamicTest> checkPyAgreesWithTheGrader() throws IOException {
        Path template = Files.createDirectories(dir.resolve("submissions/template"));
        Files.copy(Repository.root().resolve("student-template-python/q1.py"), template.resolve("q1.py"));
        Path reference = Files.createDirectories(dir.resolve("submissions/reference"));
        Files.copy(PythonCorpusEntry.REFERENCE, reference.resolve("q1.py"));
        List<DynamicTest> tests = new ArrayList<>(List.of(
                DynamicTest.dynamicTest("template", () -> agree("template", template, new Expectation(
                        Set.of("everything"), List.of("it still raises the template's NotImplementedError")))),
                DynamicTest.dynamicTest("reference", () -> agree("reference", reference,
                        new Expectation(Set.of(), List.of())))));
        for (PythonCorpusEntry entry : PythonCorpusEntry.all()) {
            tests.add(DynamicTest.dynamicTest(entry.name(), () -> agree(entry.name(),
                    entry.materialise(dir.resolve("submissions").resolve(entry.name())),
                    new Expectation(entry.breaks(), entry.hints()))));
        }
        return tests.stream();
    }

    private static void agree(String name, Path submission, Expectation expected) throws IOException {
        GradeReport graded = grader.grade(submission);
        assertFalse(graded.graderFailed(), () -> name + ": " + graded.graderErrors());
        Path results = dir.resolve(name + ".json");
        PythonBundles.Run checked = PythonBundles.check(bundle, dir, submission.toString(), "--results", results.toString());
        assertEquals(0, checked.code(), checked::toString);
        JsonNode tests = Json.mapper().readTree(results.toFile()).get("tests");

        List<String> checkNames = new ArrayList<>();
        tests.forEach(t -> checkNames.add(t.get("name").asText()));
        assertEquals(graded.tests().stream().map(TestResult::name).toList(), checkNames, name + ": the same tests, in order");
        StringBuilder graderFeedback = new StringBuilder();
        StringBuilder checkFeedback = new StringBuilder();
        for (int i = 0; i < checkNames.size(); i++) {
            TestResult g = graded.tests().get(i);
            JsonNode c = tests.get(i);
            String where = name + ", " + g.name() + ":\n--- grader\n" + g.output() + "\n--- check.py\n" + c.get("output").asText();
            double checkShare = c.get("score").asDouble() / c.get("max_score").asDouble();
            assertEquals(g.passed(), checkShare >= 1 - 1e-9, where);
            assertEquals(g.score() / g.maxScore(), checkShare, 1e-3, where);
            if (!g.name().endsWith(": gradient check")) {
                assertEquals(g.output(), c.get("output").asText(), where);
            }
            String function = g.name().substring("Q1 ".length(), g.name().indexOf(':'));
            if (!expected.breaks(function)) {
                assertTrue(g.passed(), name + " loses points only on the functions it breaks\n" + where);
            }
            if (!g.passed()) {
                graderFeedback.append(g.output()).append('\n');
                checkFeedback.append(c.get("output").asText()).append('\n');
            }
        }
        for (String hint : expected.hints()) {
            assertTrue(graderFeedback.toString().contains(hint), name + ": the grader says " + hint + "\n" + graderFeedback);
            assertTrue(checkFeedback.toString().contains(hint), name + ": check.py says " + hint + "\n" + checkFeedback);
        }
    }
}
