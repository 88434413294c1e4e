package edu.mlcourse.hw5.grader.insights.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.insights.NoInsights;
import edu.mlcourse.hw5.grader.insights.stats.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchSummaryTest {
    /** A submission with a 60-point Q1 test and a 40-point Q2 test. */
    private static ResultStore.Graded graded(String id, double q1, double q2) {
        List<TestResult> tests = List.of(new TestResult("Q1", q1, 60, "", "visible", List.of()),
                new TestResult("Q2", q2, 40, "", "visible", List.of()));
        return new ResultStore.Graded(id, GradescopeResults.of(
                new GradeReport(id, tests, List.of(), Optional.empty(), List.of(), 1), ""));
    }

    private static BatchSummary summaryOf(double[][] scores, int ungraded) {
        List<ResultStore.Graded> graded = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            graded.add(graded("s" + i, scores[i][0], scores[i][1]));
        }
        List<ResultStore.Ungraded> failed = new ArrayList<>();
        for (int i = 0; i < ungraded; i++) {
            failed.add(new ResultStore.Ungraded("f" + i, "the grader failed", true));
        }
        return BatchSummary.of(new ResultStore.Contents(graded, failed));
    }

    @Test
    void statisticsOfTheTotalsMatchAHandComputation() {
        // Totals 0, 10, 20, 40, 80, 100 (sorted).
        BatchSummary summary = summaryOf(new double[][] {{60, 40}, {0, 0}, {20, 20}, {10, 0}, {60, 20}, {20, 0}}, 1);
        BatchSummary.Totals totals = summary.totals().orElseThrow();
        assertEquals(7, summary.submissions());
        assertEquals(100, summary.maxTotal());
        assertEquals(6, totals.count());
        assertEquals(250.0 / 6, totals.mean(), 1e-12);
        // Sample variance: Σ(x − mean)² / (n − 1), with Σx² = 0 + 100 + 400 + 1600 + 6400 + 10000 = 18500.
        assertEquals(Math.sqrt((18500 - 250.0 * 250 / 6) / 5), totals.standardDeviation(), 1e-12);
        assertEquals(0, totals.min());
        assertEquals(100, totals.max());
        // Type 7: position (n − 1)p between the sorted values, counting from 0.
        assertEquals(10 + 0.25 * (20 - 10), totals.firstQuartile(), 1e-12);   // 1.25
        assertEquals(20 + 0.5 * (40 - 20), totals.median(), 1e-12);           // 2.5
        assertEquals(40 + 0.75 * (80 - 40), totals.thirdQuartile(), 1e-12);   // 3.75
    }

    @Test
    void passRatesCountFullPointsOnlyAndMeansAveragePoints() {
        BatchSummary summary = summaryOf(new double[][] {{60, 40}, {60, 39.5}, {0, 40}, {59.9, 0}}, 0);
        assertEquals(List.of(new BatchSummary.TestRate("Q1", 60, 2, 4, 179.9 / 4),
                new BatchSummary.TestRate("Q2", 40, 2, 4, 119.5 / 4)), summary.tests());
        assertEquals(0.5, summary.tests().get(0).passRate());
    }

    @Test
    void theHistogramHasTenBinsOfATenthOfTheMaximumAndTheTopBinHoldsFullMarks() {
        List<Histogram.Bin> bins = BatchSummary.histogram(new double[] {0, 9.99, 10, 55, 90, 100, 100}, 100);
        assertEquals(Histogram.BINS, bins.size());
        assertEquals(new Histogram.Bin(0, 10, 2), bins.get(0));
        assertEquals(new Histogram.Bin(10, 20, 1), bins.get(1));
        assertEquals(1, bins.get(5).count());
        assertEquals(new Histogram.Bin(90, 100, 3), bins.get(9));
        assertEquals(7, bins.stream().mapToLong(Histogram.Bin::count).sum());
    }

    @Test
    void withNothingGradedThereAreNoStatisticsButTheFailuresAreListed() {
        BatchSummary summary = summaryOf(new double[0][], 2);
        assertTrue(summary.totals().isEmpty());
        assertEquals(2, summary.ungraded().size());
        String markdown = SummaryMarkdown.render(summary, NoInsights.of(), NoInsights.THRESHOLDS);
        assertTrue(markdown.contains("2 submissions: 0 graded, 2 not graded."), markdown);
        assertTrue(markdown.contains("| f1 | the grader failed |"), markdown);
        assertTrue(SummaryHtml.render(summary, NoInsights.of(), NoInsights.THRESHOLDS).contains("<td>f0</td>"));
    }
}
