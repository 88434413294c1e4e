package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.grader.insights.BatchInsights;
import java.util.List;
import java.util.Locale;

/**
 * "Q2 to verify", for {@code summary.html} and {@code summary.md} alike: each submission whose Q2
 * score rests on its predictions file alone (no model file, one that does not run, or one that
 * does not reproduce the predictions), or whose accuracy is worth a look. Flags, never deductions.
 */
final class Q2ToVerifySection {
    static final String TITLE = "Q2 to verify";
    private static final String EXPLANATION = "Q2 is verified when the grader ran the submitted model file and it"
            + " reproduced the submitted predictions on at least " + String.format(Locale.ROOT, "%.0f",
            HeldOutScore.AGREEMENT_NEEDED) + "% of the held-out images; then the model's own accuracy is scored."
            + " The held-out images are Fashion-MNIST's published test images, whose labels anyone can look up, so a"
            + " predictions file alone proves nothing. These scores rest on it, or carry a sign worth a look.";

    private Q2ToVerifySection() {
    }

    public static String html(BatchInsights insights) {
        List<BatchInsights.Q2ToVerify> rows = insights.q2ToVerify();
        StringBuilder html = new StringBuilder("<h2 id=\"q2-to-verify\">" + TITLE + " (" + rows.size() + ")</h2>\n<p>")
                .append(Html.escape(EXPLANATION)).append("</p>\n");
        if (rows.isEmpty()) {
            return html.append("<p>Every Q2 score is verified.</p>\n").toString();
        }
        html.append("<table>\n<thead><tr><th scope=\"col\">submission</th><th scope=\"col\" class=\"n\">accuracy (%)</th>"
                + "<th scope=\"col\">verified</th><th scope=\"col\">why</th></tr></thead>\n<tbody>\n");
        for (BatchInsights.Q2ToVerify row : rows) {
            html.append("<tr><th scope=\"row\">").append(Html.studentLink(row.id())).append("</th><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.2f", row.q2().accuracy())).append("</td><td")
                    .append(row.q2().verified() ? ">yes" : " class=\"error\">no").append("</td><td>")
                    .append(Html.escape(row.q2().toVerify())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    public static String markdown(BatchInsights insights) {
        List<BatchInsights.Q2ToVerify> rows = insights.q2ToVerify();
        StringBuilder md = new StringBuilder("\n## " + TITLE + " (" + rows.size() + ")\n\n").append(EXPLANATION)
                .append("\n\n");
        if (rows.isEmpty()) {
            return md.append("Every Q2 score is verified.\n").toString();
        }
        md.append("| submission | accuracy (%) | verified | why |\n|---|---:|---|---|\n");
        rows.forEach(row -> md.append("| ").append(SummaryMarkdown.cell(row.id())).append(" | ")
                .append(String.format(Locale.ROOT, "%.2f", row.q2().accuracy())).append(" | ")
                .append(row.q2().verified() ? "yes" : "**no**").append(" | ").append(SummaryMarkdown.cell(row.q2().toVerify()))
                .append(" |\n"));
        return md.toString();
    }
}
