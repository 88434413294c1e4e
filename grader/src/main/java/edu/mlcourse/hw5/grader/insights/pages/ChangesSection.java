package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.grader.insights.BatchInsights;
import edu.mlcourse.hw5.grader.insights.changes.GradeChange;

/** "Grade changes" on the class page: each regrade that changed a total or a test, and why. */
final class ChangesSection {
    static final String INTRO = "Regrades that changed a score (the earlier results are kept in <id>/history/;"
            + " changes.csv lists the same), and regrades the grader failed on, whose last grade stands.";

    private ChangesSection() {
    }

    static String markdown(BatchInsights insights) {
        if (insights.changes().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Grade changes\n\n").append(INTRO)
                .append("\n\n| submission | old total | new total | why | tests |\n|---|---:|---:|---|---|\n");
        for (GradeChange change : insights.changes()) {
            md.append("| ").append(SummaryMarkdown.cell(change.id())).append(" | ")
                    .append(Figures.shown(change.oldTotal())).append(" | ")
                    .append(change.newTotal().map(Figures::shown).orElse("–")).append(" | ")
                    .append(SummaryMarkdown.cell(change.why())).append(" | ")
                    .append(SummaryMarkdown.cell(ChangesTable.tests(change, Figures::shown))).append(" |\n");
        }
        return md.toString();
    }

    static String html(BatchInsights insights) {
        if (insights.changes().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2 id=\"changes\">Grade changes</h2>\n<p class=\"muted\">")
                .append(Html.escape(INTRO)).append("</p>\n<table>\n<thead><tr><th>submission</th>"
                        + "<th class=\"n\">old total</th><th class=\"n\">new total</th><th>why</th><th>tests</th>"
                        + "</tr></thead>\n<tbody>\n");
        for (GradeChange change : insights.changes()) {
            html.append("<tr><td>").append(Html.escape(change.id())).append("</td><td class=\"n\">")
                    .append(Figures.shown(change.oldTotal())).append("</td><td class=\"n\">")
                    .append(change.newTotal().map(Figures::shown).orElse("–")).append("</td><td")
                    .append(change.newTotal().isEmpty() ? " class=\"error\"" : "").append(">")
                    .append(Html.escape(change.why())).append("</td><td>")
                    .append(Html.escape(ChangesTable.tests(change, Figures::shown))).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}
