package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.insights.BatchInsights;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The per-submission table of {@code summary.html}: sortable by any column, each id opening its page. */
final class SubmissionTable {
    private SubmissionTable() {
    }

    public static String html(BatchInsights insights) {
        StringBuilder html = new StringBuilder("<h2 id=\"submissions\">Submissions</h2>\n<p class=\"muted\">Click a column's"
                + " name to sort by it; click a submission to see its feedback as the student sees it. Points out of the"
                + " most a submission can get, in brackets.</p>\n<div class=\"wide\">\n"
                + "<table class=\"sortable\" id=\"submission-table\">\n<thead><tr>"
                + header("submission", false) + header("state", false)
                + header("total" + most(insights, BatchInsights.SubmissionRow::total), true));
        for (Q1Function function : Q1Function.values()) {
            html.append(header(function.methodName() + most(insights,
                    row -> Optional.ofNullable(row.functions().get(function.methodName()))), true));
        }
        html.append(header("Q2 accuracy (%)", true)).append("</tr></thead>\n<tbody>\n");
        for (BatchInsights.SubmissionRow row : insights.submissions()) {
            html.append("<tr><th scope=\"row\" data-sort=\"").append(Html.escape(row.id())).append("\">")
                    .append(row.page() ? Html.studentLink(row.id()) : Html.escape(row.id())).append("</th>")
                    .append("<td class=\"state-").append(row.state().label().replace(' ', '-')).append("\">")
                    .append(row.state().label()).append("</td>")
                    .append(score(row.total()));
            for (Q1Function function : Q1Function.values()) {
                html.append(score(Optional.ofNullable(row.functions().get(function.methodName()))));
            }
            html.append(row.accuracy().map(a -> "<td class=\"n\" data-sort=\"" + a + "\">"
                    + String.format(Locale.ROOT, "%.2f", a) + (row.q2Verified().orElse(true) ? ""
                    : " <a class=\"error\" href=\"#q2-to-verify\">unverified</a>") + "</td>")
                    .orElse("<td class=\"n\" data-sort=\"\"></td>"))
                    .append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n</div>\n").toString();
    }

    private static String header(String name, boolean numeric) {
        return "<th scope=\"col\"" + (numeric ? " class=\"n\"" : "") + "><button type=\"button\" data-column=\""
                + Html.escape(name) + "\">" + Html.escape(name) + "</button></th>";
    }

    private static String score(Optional<BatchInsights.Score> score) {
        return score.map(s -> "<td class=\"n\" data-sort=\"" + s.points() + "\">" + Figures.shown(s.points())
                + "</td>").orElse("<td class=\"n\" data-sort=\"\"></td>");
    }

    /** {@code " (10)"}: the most points of a column, from the graded rows. */
    private static String most(BatchInsights insights,
                               Function<BatchInsights.SubmissionRow, Optional<BatchInsights.Score>> column) {
        return insights.submissions().stream().map(row -> row.total().isPresent() ? column.apply(row) : Optional.<BatchInsights.Score>empty())
                .flatMap(Optional::stream).mapToDouble(BatchInsights.Score::max).max()
                .stream().mapToObj(max -> " (" + Figures.shown(max) + ")").findFirst().orElse("");
    }
}
