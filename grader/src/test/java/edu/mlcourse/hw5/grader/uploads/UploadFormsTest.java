package edu.mlcourse.hw5.grader.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.checker.edition.python.PythonInterpreter;
import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.grader.GraderFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each upload form is graded as its content deserves: the reference's full marks with a note, or zero with the reason. */
class UploadFormsTest {
    private static final GradingPipeline PIPELINE = GraderFixtures.q1Pipeline(RunLimits.DEFAULT);

    static List<UploadForm> forms() {
        return UploadForm.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void isGradedAsItsContentDeserves(UploadForm form, @TempDir Path folder) throws IOException {
        assumeTrue(!form.python() || PythonInterpreter.find().isPresent(), "needs Python 3 with numpy");
        GradeReport report = PIPELINE.grade(form.materialise(folder.resolve("upload")));
        assertTrue(report.graderErrors().isEmpty(), () -> "grader errors: " + report.graderErrors());
        double score = report.tests().stream().mapToDouble(TestResult::score).sum();
        double max = report.tests().stream().mapToDouble(TestResult::maxScore).sum();
        String told = String.join("\n", report.notes()) + "\n" + String.join("\n", report.problems()) + "\n"
                + report.tests().stream().map(TestResult::output).collect(Collectors.joining("\n"));
        assertTrue(max > 0);
        assertEquals(form.graded() ? max : 0, score, 1e-9, () -> form + " scored " + score + ":\n" + told);
        for (String said : form.said()) {
            assertTrue(told.contains(said), () -> form + " should say \"" + said + "\"; it said:\n" + told);
        }
        assertTrue(!told.contains("is missing"), () -> form + " is never \"missing\":\n" + told);
    }
}
