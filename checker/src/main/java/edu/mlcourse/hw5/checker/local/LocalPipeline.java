package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.grading.GradingPipelineBuilder;
import edu.mlcourse.hw5.checker.grading.VectorSets;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The pipeline as a student's machine runs it, for both {@code ./check} and the project's
 * {@code mvn test}: the grader's own pipeline, rubric, tolerances and time limits on the public
 * vectors, so that the two give the same messages and the same points. Each public case is worth
 * what it is worth in the grader ({@link GradedCases}), so the total is the public checks' share of
 * Q1's points, on the scale of the grader and of {@code check.py}. The worker is a plain child JVM:
 * students' machines rarely allow the grader's namespaces, and there is nothing to protect there.
 */
public final class LocalPipeline {
    private LocalPipeline() {
    }

    /** @param vectorFolder the public vectors ({@code vectors/public}) */
    public static GradingPipelineBuilder builder(Path vectorFolder) {
        return GradingPipeline.builder()
                .vectors(VectorSets.loadInBackground(vectorFolder.getParent(), List.of(vectorFolder.getFileName().toString())))
                .rubric(GradedCases.beside(vectorFolder).publicShare(Rubric.defaults()));
    }

    /**
     * What the total means, printed under it by {@code ./check} and {@code mvn test}; {@code check.py}
     * prints the same words (held in step by {@code PythonCheckUploadsTest}).
     */
    public static String scale(GradeReport report) {
        double q1 = Rubric.defaults().q1().values().stream().mapToDouble(p -> p.outputs() + p.gradient()).sum();
        return "  Public cases only: " + points(report.maxScore()) + " of Q1's " + points(q1) + " points. The grader"
                + " also checks hidden cases (same kinds, other numbers) for the other " + points(q1 - report.maxScore())
                + ", and scores Q2 on held-out labels only it has: pass every case here, then test your functions on"
                + " inputs of your own.";
    }

    /** {@code 36}, {@code 35.5}: two decimals at most, none that are zeros. */
    private static String points(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
