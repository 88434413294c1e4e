package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.grader.insights.BatchInsights;
import edu.mlcourse.hw5.grader.insights.stats.Histogram;

/** {@code summary.md}: the batch summary as Markdown tables, for a terminal, a repository or a CI page. */
public final class SummaryMarkdown {
    public static final String FILE_NAME = "summary.md";
    private static final int BAR_WIDTH = 30;

    private SummaryMarkdown() {
    }

    public static String render(BatchSummary summary, BatchInsights insights, Rubric.Similarity thresholds) {
        StringBuilder md = new StringBuilder("# HW5 batch summary\n\n").append(Figures.headline(summary)).append("\n");
        summary.totals().ifPresent(totals -> {
            md.append("\n## Totals (out of ").append(Figures.shown(summary.maxTotal())).append(")\n\n");
            md.append("| statistic | points |\n|---|---:|\n");
            Figures.rows(totals).forEach(row -> md.append("| ").append(row.name()).append(" | ").append(row.value())
                    .append(" |\n"));
            md.append("\n").append(Figures.METHOD).append("\n\n### Histogram of the totals\n\n");
            md.append("| points | submissions | |\n|---|---:|---|\n");
            long most = summary.histogram().stream().mapToLong(Histogram.Bin::count).max().orElse(1);
            for (Histogram.Bin bin : summary.histogram()) {
                md.append("| ").append(Figures.range(bin)).append(" | ").append(bin.count()).append(" | ")
                        .append("#".repeat((int) Math.round((double) BAR_WIDTH * bin.count() / Math.max(1, most))))
                        .append(" |\n");
            }
            md.append("\n## Tests\n\nPassed means full points on the test.\n\n");
            md.append("| test | points | passed | pass rate | mean points |\n|---|---:|---:|---:|---:|\n");
            for (BatchSummary.TestRate test : summary.tests()) {
                md.append("| ").append(cell(test.name())).append(" | ").append(Figures.shown(test.maxScore()))
                        .append(" | ").append(test.passed()).append(" / ").append(test.graded()).append(" | ")
                        .append(Figures.percent(test.passRate())).append(" | ").append(Figures.points(test.meanScore()))
                        .append(" |\n");
            }
        });
        md.append(MistakesSection.markdown(insights.mistakes())).append(Q2ToVerifySection.markdown(insights))
                .append(HeldOutSection.markdown(insights.heldOut()))
                .append(PairsSection.markdown(insights, thresholds)).append(ChangesSection.markdown(insights));
        if (!summary.ungraded().isEmpty()) {
            md.append("\n## Not graded\n\n").append(Figures.UNGRADED).append("\n\n| submission | why |\n|---|---|\n");
            summary.ungraded().forEach(u -> md.append("| ").append(cell(u.id())).append(" | ").append(cell(u.reason()))
                    .append(" |\n"));
        }
        return md.toString();
    }

    /** Text that stays inside its table cell and is never read as HTML. */
    public static String cell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replaceAll("\\s*\\R\\s*", " ");
    }
}
