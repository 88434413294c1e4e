package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.insights.stats.Histogram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The numbers of {@code summary.md} and {@code summary.html}, computed from everything in the
 * output folder (earlier runs included): statistics of the totals, each test's pass rate, a
 * histogram of the totals, and the submissions without a grade.
 *
 * @param submissions submissions in the folder, graded or not
 * @param maxTotal the most points a submission can get (the largest maximum among the results)
 * @param totals statistics of the graded submissions' totals; empty when none is graded
 * @param tests each test's pass rate, in {@code scores.csv}'s column order
 * @param histogram the totals in {@link Histogram#BINS} equal bins from 0 to {@code maxTotal}
 * @param ungraded submissions without results, and why
 */
public record BatchSummary(int submissions, double maxTotal, Optional<Totals> totals, List<TestRate> tests,
                           List<Histogram.Bin> histogram, List<ResultStore.Ungraded> ungraded) {
    public BatchSummary {
        tests = List.copyOf(tests);
        histogram = List.copyOf(histogram);
        ungraded = List.copyOf(ungraded);
    }

    /**
     * Statistics of the totals. The standard deviation is the sample one (n − 1); quartiles and
     * the median interpolate linearly between order statistics (Hyndman–Fan type 7), as numpy's
     * {@code percentile}, pandas' {@code describe} and spreadsheets do, so they can be checked there.
     */
    public record Totals(long count, double mean, double standardDeviation, double min, double firstQuartile,
                         double median, double thirdQuartile, double max) {
    }

    /** How a test fared: passed means full points on it. */
    public record TestRate(String name, double maxScore, long passed, long graded, double meanScore) {
        public double passRate() {
            return graded == 0 ? 0 : (double) passed / graded;
        }
    }

    public static BatchSummary of(ResultStore.Contents contents) {
        List<ResultStore.Graded> graded = contents.graded();
        double maxTotal = graded.stream().mapToDouble(g -> g.record().total().max()).max().orElse(0);
        double[] totals = graded.stream().mapToDouble(g -> g.record().total().points()).toArray();
        return new BatchSummary(contents.size(), maxTotal, totals(totals), testRates(graded),
                histogram(totals, maxTotal), contents.ungraded());
    }

    static Optional<Totals> totals(double[] values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        DescriptiveStatistics statistics = new DescriptiveStatistics(values);
        statistics.setPercentileImpl(new Percentile().withEstimationType(Percentile.EstimationType.R_7));
        return Optional.of(new Totals(statistics.getN(), statistics.getMean(), statistics.getStandardDeviation(),
                statistics.getMin(), statistics.getPercentile(25), statistics.getPercentile(50),
                statistics.getPercentile(75), statistics.getMax()));
    }

    /** Per column of {@code scores.csv} (both editions' names of one check count together), headed as there. */
    private static List<TestRate> testRates(List<ResultStore.Graded> graded) {
        Map<String, DescriptiveStatistics> scores = new LinkedHashMap<>();
        Map<String, Long> passed = new LinkedHashMap<>();
        Map<String, Double> maxScores = new LinkedHashMap<>();
        Map<String, String> columns = ScoreTable.columns(graded);
        columns.keySet().forEach(column -> scores.put(column, new DescriptiveStatistics()));
        for (ResultStore.Graded submission : graded) {
            for (GradescopeResults.Test test : submission.results().tests()) {
                String column = ScoreTable.column(test);
                scores.get(column).addValue(test.score());
                passed.merge(column, "passed".equals(test.status()) ? 1L : 0L, Long::sum);
                maxScores.merge(column, test.maxScore(), Math::max);
            }
        }
        List<TestRate> rates = new ArrayList<>();
        scores.forEach((column, values) -> rates.add(new TestRate(columns.get(column), maxScores.get(column),
                passed.get(column), values.getN(), values.getMean())));
        return rates;
    }

    static List<Histogram.Bin> histogram(double[] totals, double maxTotal) {
        return Histogram.of(totals, 0, maxTotal);
    }
}
