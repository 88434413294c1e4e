package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import java.util.Locale;

/**
 * {@code OUT/<id>/results.html}: one submission's {@code results.json} as the student sees it on
 * Gradescope (the summary, every test with its score and feedback), for the course staff.
 *
 * <p>Feedback on failed hidden cases is withheld: it quotes expected values of hidden cases, which no
 * page may hold (pages get printed, mailed and shared). The page gives the test's named mistakes and
 * first failing case instead.
 */
public final class StudentPage {
    public static final String FILE_NAME = "results.html";
    /** The tag of tests on the hidden vector set. */
    static final String HIDDEN_TAG = "hidden";

    private StudentPage() {
    }

    public static String render(String id, GradescopeResults results) {
        StringBuilder body = new StringBuilder("<p class=\"muted\"><a href=\"../summary.html\">← batch summary</a></p>\n")
                .append("<h1>").append(Html.escape(id)).append("</h1>\n");
        if (results.graderFailed()) {
            body.append("<p class=\"banner\">The grader failed on this submission: it has no score. Grade it again.</p>\n");
        } else {
            double max = results.tests().stream().mapToDouble(GradescopeResults.Test::maxScore).sum();
            body.append("<p><b>Total: ").append(Figures.shown(results.score())).append(" / ")
                    .append(Figures.shown(max)).append("</b></p>\n");
        }
        if (results.leaderboard() != null) {
            results.leaderboard().forEach(entry -> body.append("<p>").append(Html.escape(entry.name())).append(": ")
                    .append(Figures.shown(entry.value())).append("</p>\n"));
        }
        body.append("<h2>Summary</h2>\n<pre>").append(Html.escape(nullToEmpty(results.output()))).append("</pre>\n");
        if (results.graderFailed() && results.extraData() != null) {
            body.append("<h2>Grader errors</h2>\n<pre>").append(Html.escape(String.join("\n",
                    results.extraData().graderErrors()))).append("</pre>\n");
        }
        if (!results.tests().isEmpty()) {
            body.append("<h2>Tests</h2>\n");
        }
        for (GradescopeResults.Test test : results.tests()) {
            body.append("<section class=\"test\">\n<h3><span>").append(Html.escape(test.name()))
                    .append("</span><span class=\"").append("passed".equals(test.status()) ? "passed" : "failed")
                    .append(" n\">").append(Figures.shown(test.score())).append(" / ")
                    .append(Figures.shown(test.maxScore())).append("</span></h3>\n<p class=\"muted\">")
                    .append(Html.escape(visibility(test.visibility()))).append("</p>\n");
            if (test.tags() != null && test.tags().contains(HIDDEN_TAG) && !"passed".equals(test.status())) {
                body.append("<p class=\"muted\">Feedback on hidden cases is not reproduced here: it quotes their"
                        + " expected values.</p>\n");
                if (test.extraData() != null) {
                    body.append(findings(test.extraData()));
                }
            } else {
                body.append("<pre>").append(Html.escape(nullToEmpty(test.output()))).append("</pre>\n");
            }
            body.append("</section>\n");
        }
        return Html.page("HW5 results: " + id, body.toString(), false);
    }

    private static String findings(GradescopeResults.TestExtraData data) {
        StringBuilder html = new StringBuilder("<ul>\n");
        if (data.mistakes() != null) {
            data.mistakes().forEach(m -> html.append("<li>Named mistake: ").append(Html.escape(m)).append("</li>\n"));
        }
        if (data.firstFailure() != null) {
            html.append("<li>First failing check: ").append(Html.escape(data.firstFailure())).append("</li>\n");
        }
        return html.append("</ul>\n").toString();
    }

    /** When the student sees the test on Gradescope. */
    static String visibility(String visibility) {
        return switch (visibility == null ? "visible" : visibility.toLowerCase(Locale.ROOT)) {
            case "hidden" -> "Never shown to the student.";
            case "after_due_date" -> "Shown to the student after the due date.";
            case "after_published" -> "Shown to the student once grades are published.";
            default -> "Shown to the student at once.";
        };
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
