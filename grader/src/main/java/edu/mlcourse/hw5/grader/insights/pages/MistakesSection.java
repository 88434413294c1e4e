package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.grader.insights.mistakes.ClassMistakes;
import java.util.Locale;

/** "What the class got wrong" in Q1, for {@code summary.html} and {@code summary.md} alike. */
final class MistakesSection {
    static final String TITLE = "What the class got wrong in Q1";
    static final String EXPLANATION = "For each function, the submissions whose output matched a named mistake"
            + " (the hint they were given), then those that failed it in a way no named mistake explains, grouped by"
            + " their first failing check. Shares are of the graded submissions.";

    private MistakesSection() {
    }

    public static String html(ClassMistakes mistakes) {
        StringBuilder html = new StringBuilder("<h2 id=\"mistakes\">" + TITLE + "</h2>\n<p class=\"muted\">"
                + Html.escape(EXPLANATION) + "</p>\n");
        if (mistakes.isEmpty()) {
            return html.append("<p>No Q1 function failed in any graded submission.</p>\n").toString();
        }
        for (ClassMistakes.FunctionMistakes function : mistakes.functions()) {
            if (function.rows().isEmpty()) {
                continue;
            }
            html.append("<h3>").append(Html.escape(function.function())).append("</h3>\n<table>\n<thead><tr>"
                    + "<th scope=\"col\">mistake</th><th scope=\"col\" class=\"n\">submissions</th>"
                    + "<th scope=\"col\" class=\"n\">share</th><th scope=\"col\">for example</th></tr></thead>\n<tbody>\n");
            for (ClassMistakes.Row row : function.rows()) {
                html.append("<tr><td>").append(row.mistake().map(m -> "<b>" + Html.escape(m) + "</b>: ").orElse(""))
                        .append(Html.escape(row.what())).append("</td><td class=\"n\">").append(row.count())
                        .append("</td><td class=\"n\">").append(percent(row.share())).append("</td><td>")
                        .append(String.join(", ", row.examples().stream().map(Html::studentLink).toList()))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        return html.toString();
    }

    public static String markdown(ClassMistakes mistakes) {
        StringBuilder md = new StringBuilder("\n## " + TITLE + "\n\n" + EXPLANATION + "\n");
        if (mistakes.isEmpty()) {
            return md.append("\nNo Q1 function failed in any graded submission.\n").toString();
        }
        for (ClassMistakes.FunctionMistakes function : mistakes.functions()) {
            if (function.rows().isEmpty()) {
                continue;
            }
            md.append("\n### ").append(function.function()).append("\n\n| mistake | submissions | share | for example |\n")
                    .append("|---|---:|---:|---|\n");
            for (ClassMistakes.Row row : function.rows()) {
                md.append("| ").append(SummaryMarkdown.cell(row.mistake().map(m -> "**" + m + "**: ").orElse("") + row.what()))
                        .append(" | ").append(row.count()).append(" | ").append(percent(row.share())).append(" | ")
                        .append(SummaryMarkdown.cell(String.join(", ", row.examples()))).append(" |\n");
            }
        }
        return md.toString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
