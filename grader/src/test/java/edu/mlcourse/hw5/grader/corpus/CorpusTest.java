package edu.mlcourse.hw5.grader.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.GraderFixtures;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.vectors.Mistake;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every correct implementation in the corpus gets full Q1 marks; every buggy one loses points on
 * the function it breaks and only there, with the hint for its mistake.
 */
class CorpusTest {
    private static final GradingPipeline PIPELINE = GraderFixtures.q1Pipeline(RunLimits.DEFAULT);

    static List<CorpusEntry> corpus() {
        return CorpusEntry.all(Path.of("src/test/resources/corpus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void losesPointsWhereItIsWrongAndOnlyThere(CorpusEntry entry, @TempDir Path folder) throws IOException {
        GradeReport report = PIPELINE.grade(entry.materialise(Repository.referenceQ1(), folder.resolve(entry.name())));
        assertTrue(report.graderErrors().isEmpty(), () -> "grader errors: " + report.graderErrors());
        for (Q1Function function : Q1Function.values()) {
            List<TestResult> tests = report.tests().stream().filter(t -> t.tags().contains(function.methodName())).toList();
            double score = tests.stream().mapToDouble(TestResult::score).sum();
            double max = tests.stream().mapToDouble(TestResult::maxScore).sum();
            String feedback = tests.stream().map(TestResult::output).collect(Collectors.joining("\n"));
            if (entry.breaks().contains(function.methodName())) {
                assertTrue(score < max, () -> entry + " should lose points on " + function.methodName());
            } else {
                assertEquals(max, score, 1e-9, () -> entry + " should keep every point of " + function.methodName()
                        + ":\n" + feedback);
            }
        }
        // As the student reads it: what stops Q1 as a whole (a compile error) above the tests' feedback.
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
    }

    @Test
    void theCorpusHasCorrectAndBuggyEntriesAndCoversEveryVectorMistakeTheIssueNames() {
        List<CorpusEntry> corpus = corpus();
        assertTrue(corpus.stream().filter(e -> e.breaks().isEmpty()).count() >= 5);
        assertTrue(corpus.stream().filter(e -> !e.breaks().isEmpty()).count() >= 15);
        String hints = corpus.stream().flatMap(e -> e.hints().stream()).collect(Collectors.joining("\n"));
        for (Mistake named : List.of(Mistake.DW_DIVIDED_BY_N, Mistake.DB_AVERAGED, Mistake.DB_FIRST_ROW,
                Mistake.RELU_MASK_WITHOUT_DOUT, Mistake.SOFTMAX_COLUMNS, Mistake.SOFTMAX_WHOLE_MATRIX,
                Mistake.SOFTMAX_DIAGONAL_JACOBIAN)) {
            assertTrue(Arrays.stream(hints.split("\n")).anyMatch(h -> named.hint().contains(h)),
                    () -> "no corpus entry checks the hint of " + named);
        }
        assertFalse(corpus.stream().anyMatch(e -> e.snippet().isBlank()));
    }
}
