package edu.mlcourse.hw5.grader.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.checker.edition.python.PythonInterpreter;
import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.GraderFixtures;
import edu.mlcourse.hw5.grader.corpus.SinglePrecision;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Python edition's corpus is scored as the Java corpus is: every correct q1.py gets full Q1
 * marks; every buggy one loses points on the function it breaks and only there, with feedback in
 * Python's terms; one that cannot be imported scores zero for Q1 with Python's own message.
 */
class PythonCorpusTest {
    private static final GradingPipeline PIPELINE = GraderFixtures.q1Pipeline(RunLimits.DEFAULT);

    @BeforeAll
    static void needsPython() {
        assumeTrue(PythonInterpreter.find().isPresent(), "needs Python 3 with numpy: " + PythonInterpreter.problem());
    }

    static List<PythonCorpusEntry> corpus() {
        return PythonCorpusEntry.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void losesPointsWhereItIsWrongAndOnlyThere(PythonCorpusEntry entry, @TempDir Path folder) throws IOException {
        GradeReport report = PIPELINE.grade(entry.materialise(folder.resolve(entry.name())));
        assertTrue(report.graderErrors().isEmpty(), () -> "grader errors: " + report.graderErrors());
        for (Q1Function function : Q1Function.values()) {
            List<TestResult> tests = report.tests().stream().filter(t -> t.tags().contains(function.methodName())).toList();
            assertTrue(tests.stream().allMatch(t -> t.tags().contains(function.pythonName())
                    && t.name().startsWith("Q1 " + function.pythonName() + ": ")), tests::toString);
            double score = tests.stream().mapToDouble(TestResult::score).sum();
            double max = tests.stream().mapToDouble(TestResult::maxScore).sum();
            String feedback = tests.stream().map(TestResult::output).collect(Collectors.joining("\n"));
            if (entry.breaksEverything()) {
                assertEquals(0, score, () -> entry + " cannot be imported, so " + function.pythonName() + " scores zero");
            } else if (entry.breaks().contains(function.pythonName())) {
                assertTrue(score < max, () -> entry + " should lose points on " + function.pythonName());
            } else {
                assertEquals(max, score, 1e-9, () -> entry + " should keep every point of " + function.pythonName()
                        + ":\n" + feedback);
            }
        }
        // As the student reads it: what stops Q1 as a whole (an import error) above the tests' feedback.
        String feedback = String.join("\n", report.problems()) + "\n" + report.tests().stream().filter(t -> !t.passed())
                .map(TestResult::output).collect(Collectors.joining("\n"));
        for (String hint : entry.hints()) {
            assertTrue(feedback.contains(hint), () -> entry + " should be told \"" + hint + "\"; it was told:\n" + feedback);
        }
        SinglePrecision.assertJudged(entry.name(), report, SinglePrecision.computesInSinglePrecision(entry.hints()));
        String notes = String.join("\n", report.notes());
        for (String note : entry.notes()) {
            assertTrue(notes.contains(note), () -> entry + " should get the note \"" + note + "\"; notes:\n" + notes);
        }
        assertTrue(feedback.lines().noneMatch(l -> l.contains("linearForward") || l.contains("double[][]")),
                () -> entry + ": Python students are spoken to in Python:\n" + feedback);
    }

    @Test
    void theCorpusCoversCorrectBuggyAndUnimportableCode() {
        List<PythonCorpusEntry> corpus = corpus();
        assertTrue(corpus.stream().filter(e -> e.breaks().isEmpty()).count() >= 5);
        assertTrue(corpus.stream().filter(e -> !e.breaks().isEmpty() && !e.breaksEverything()).count() >= 12);
        assertTrue(corpus.stream().filter(PythonCorpusEntry::breaksEverything).count() >= 3);
    }

    @Test
    void theReferenceScoresFullMarksAndSaysWhatItRanOn(@TempDir Path folder) throws IOException {
        Path submission = java.nio.file.Files.createDirectories(folder.resolve("reference"));
        java.nio.file.Files.copy(PythonCorpusEntry.REFERENCE, submission.resolve("q1.py"));
        GradeReport report = PIPELINE.grade(submission);
        assertEquals(60.0, report.score(), 1e-9, report::toString);
        assertTrue(report.notes().stream().anyMatch(n -> n.matches("(?s)Your Q1 code ran on Python 3\\.\\d+\\.\\d+, numpy"
                + " \\d+\\.\\d+.*, with 1024 MB of memory\\.")), report.notes()::toString);
    }
}
