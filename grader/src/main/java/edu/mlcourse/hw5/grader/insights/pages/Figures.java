package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.grader.insights.stats.Histogram;
import java.util.List;
import java.util.Locale;

/** How both summaries write numbers and name the statistics, so the two always agree. */
final class Figures {
    private Figures() {
    }

    /** A statistic of the totals: its name and value. */
    record Row(String name, String value) {
    }

    static String points(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Points as people read them: two decimals at most, trailing zeros dropped ({@code 41.63},
     * {@code 60}, {@code 2.5}); {@code scores.csv} keeps full precision.
     */
    static String shown(double value) {
        return ScoreTable.number(Math.round(value * 100) / 100.0);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static List<Row> rows(BatchSummary.Totals totals) {
        return List.of(new Row("graded", Long.toString(totals.count())), new Row("mean", points(totals.mean())),
                new Row("standard deviation", points(totals.standardDeviation())),
                new Row("minimum", points(totals.min())), new Row("first quartile", points(totals.firstQuartile())),
                new Row("median", points(totals.median())), new Row("third quartile", points(totals.thirdQuartile())),
                new Row("maximum", points(totals.max())));
    }

    static final String METHOD = "Standard deviation: the sample one (n − 1). Median and quartiles: linear"
            + " interpolation between the sorted totals, as numpy's percentile and pandas' describe compute them.";

    static final String UNGRADED = "The grader could not grade these; the next run of `grader batch` grades them again.";

    /** A bin's range, e.g. {@code 60–70}. */
    static String range(Histogram.Bin bin) {
        return shown(bin.from()) + "–" + shown(bin.to());
    }

    static String headline(BatchSummary summary) {
        int graded = summary.submissions() - summary.ungraded().size();
        return summary.submissions() + " submission" + (summary.submissions() == 1 ? "" : "s") + ": " + graded
                + " graded, " + summary.ungraded().size() + " not graded.";
    }
}
