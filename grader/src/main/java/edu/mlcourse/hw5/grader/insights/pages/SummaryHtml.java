package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.grader.insights.BatchInsights;
import edu.mlcourse.hw5.grader.insights.stats.Histogram;
import java.util.Locale;

/**
 * {@code summary.html}: the page an instructor opens after a deadline, self-contained (inline CSS,
 * inline SVG, one inline script that sorts the submission table, nothing fetched), readable on
 * screen and on paper. Each submission links to its own page, {@code <id>/results.html}.
 */
public final class SummaryHtml {
    public static final String FILE_NAME = "summary.html";

    private SummaryHtml() {
    }

    public static String render(BatchSummary summary, BatchInsights insights, Rubric.Similarity thresholds) {
        StringBuilder html = new StringBuilder("<h1>HW5 batch summary</h1>\n<p>").append(Html.escape(Figures.headline(summary)))
                .append(" ").append(insights.pairs().pairs().size()).append(" pair(s) to look at twice.</p>\n")
                .append("<p class=\"muted\"><a href=\"#submissions\">Submissions</a> · <a href=\"#totals\">Totals</a> · "
                        + "<a href=\"#tests\">Tests</a> · <a href=\"#mistakes\">What the class got wrong</a> · "
                        + "<a href=\"#q2-to-verify\">Q2 to verify</a> · <a href=\"#heldout\">Q2</a> · "
                        + "<a href=\"#pairs\">Hand-ins to look at twice</a>"
                        + (insights.changes().isEmpty() ? "" : " · <a href=\"#changes\">Grade changes</a>") + "</p>\n")
                .append(SubmissionTable.html(insights));
        summary.totals().ifPresent(totals -> {
            html.append("<h2 id=\"totals\">Totals (out of ").append(Figures.shown(summary.maxTotal())).append(")</h2>\n")
                    .append("<div class=\"stats\">\n");
            Figures.rows(totals).forEach(row -> html.append("<div class=\"stat\"><span>").append(Html.escape(row.name()))
                    .append("</span><b>").append(row.value()).append("</b></div>\n"));
            html.append("</div>\n<p class=\"muted\">").append(Html.escape(Figures.METHOD)).append("</p>\n")
                    .append("<h3>Histogram of the totals</h3>\n")
                    .append(SvgHistogram.render(summary.histogram(), "histogram-title", "Number of submissions per range"
                            + " of total points, 0 to " + Figures.shown(summary.maxTotal()), "total points", "points",
                            Figures::range))
                    .append("<h2 id=\"tests\">Tests</h2>\n<p class=\"muted\">Passed means full points on the test.</p>\n")
                    .append("<table>\n<thead><tr><th>test</th><th class=\"n\">points</th><th class=\"n\">passed</th>"
                            + "<th>pass rate</th><th class=\"n\">mean points</th></tr></thead>\n<tbody>\n");
            for (BatchSummary.TestRate test : summary.tests()) {
                html.append("<tr><td>").append(Html.escape(test.name())).append("</td><td class=\"n\">")
                        .append(Figures.shown(test.maxScore())).append("</td><td class=\"n\">").append(test.passed())
                        .append(" / ").append(test.graded()).append("</td><td class=\"n\">")
                        .append(Figures.percent(test.passRate())).append("<span class=\"meter\"><span style=\"width: ")
                        .append(String.format(Locale.ROOT, "%.1f", 100 * test.passRate())).append("%\"></span></span>")
                        .append("</td><td class=\"n\">").append(Figures.points(test.meanScore())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        });
        html.append(MistakesSection.html(insights.mistakes())).append(Q2ToVerifySection.html(insights))
                .append(HeldOutSection.html(insights.heldOut()))
                .append(PairsSection.html(insights, thresholds)).append(ChangesSection.html(insights));
        if (!summary.ungraded().isEmpty()) {
            html.append("<h2>Not graded</h2>\n<p>").append(Html.escape(Figures.UNGRADED)).append("</p>\n<table>\n")
                    .append("<thead><tr><th>submission</th><th>why</th></tr></thead>\n<tbody>\n");
            summary.ungraded().forEach(u -> html.append("<tr><td>").append(Html.escape(u.id()))
                    .append("</td><td class=\"error\">").append(Html.escape(u.reason())).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }
        return Html.page("HW5 batch summary", html.toString(), true);
    }
}
