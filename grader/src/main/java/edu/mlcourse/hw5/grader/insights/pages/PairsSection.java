package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.insights.BatchInsights;
import edu.mlcourse.hw5.grader.insights.similarity.PredictionAgreement;
import edu.mlcourse.hw5.grader.insights.similarity.ReviewPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Hand-ins to look at twice", for {@code summary.html} and {@code summary.md} alike: each pair with
 * its evidence side by side, and how the figures are computed.
 */
final class PairsSection {
    static final String TITLE = "Hand-ins to look at twice";

    private PairsSection() {
    }

    /** A line of evidence: what, and the two submissions' values (or one value both share). */
    private record Line(String what, String first, String second, boolean shared) {
        static Line both(String what, String value) {
            return new Line(what, value, value, true);
        }
    }

    static String explanation(Rubric.Similarity t) {
        return "Pairs worth a second look, never a penalty: weigh the evidence, then talk to the students. A pair is"
                + " listed when (1) on at least " + t.sameWrongOutputs().minCases() + " hidden cases both returned the very"
                + " same wrong output, bit for bit, which no hint explains and at most "
                + t.sameWrongOutputs().maxSharedBy() + " submissions returned; (2) their held-out predictions share at"
                + " least " + t.predictions().minSameWrong() + " images both got wrong with the same wrong label, that is"
                + " at least " + percent(t.predictions().minShareOfErrors()) + " of the errors of the one with fewer"
                + " errors and at least " + number(t.predictions().minRatio()) + " times what independent errors would"
                + " give (expected = Σ over classes c of n_c · Σ over wrong labels w of p_a(w|c) · p_b(w|c), where"
                + " p_s(w|c) is the share of class-c images s predicted as w: each one's accuracy per class and where"
                + " its errors go, as in its confusion matrix); independently trained models share many errors, the"
                + " images everyone finds hard, but a copy shares nearly all; (3) their model files (my_model.json,"
                + " my_model.pt), or just their weights, are identical; (4) their source files are identical after"
                + " removing comments and"
                + " whitespace and renaming identifiers, and some part of them (a method, a function) is written so"
                + " by at most " + t.sources().maxSharedBy() + " submissions: two students who both wrote the class's"
                + " most common version of every function copied nothing (files under " + t.sources().minTokens()
                + " tokens and the template handed out are not compared). Thresholds: the rubric's similarity section.";
    }

    public static String html(BatchInsights insights, Rubric.Similarity thresholds) {
        StringBuilder html = new StringBuilder("<h2 id=\"pairs\">" + TITLE + "</h2>\n<p class=\"muted\">"
                + Html.escape(explanation(thresholds)) + "</p>\n");
        insights.pairs().notes().forEach(n -> html.append("<p>").append(Html.escape(n)).append("</p>\n"));
        if (insights.pairs().pairs().isEmpty()) {
            return html.append("<p>No pair stands out.</p>\n").toString();
        }
        Map<String, BatchInsights.SubmissionRow> rows = rows(insights);
        for (ReviewPair pair : insights.pairs().pairs()) {
            html.append("<section class=\"pair\">\n<h3>").append(Html.studentLink(pair.first())).append(" and ")
                    .append(Html.studentLink(pair.second())).append("</h3>\n<table>\n<thead><tr><th scope=\"col\">evidence</th>"
                            + "<th scope=\"col\">").append(Html.escape(pair.first())).append("</th><th scope=\"col\">")
                    .append(Html.escape(pair.second())).append("</th></tr></thead>\n<tbody>\n");
            for (Line line : lines(pair, rows)) {
                html.append("<tr><th scope=\"row\">").append(Html.escape(line.what())).append("</th>");
                if (line.shared()) {
                    html.append("<td class=\"both\" colspan=\"2\">").append(Html.escape(line.first())).append("</td>");
                } else {
                    html.append("<td>").append(Html.escape(line.first())).append("</td><td>")
                            .append(Html.escape(line.second())).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n</section>\n");
        }
        return html.toString();
    }

    public static String markdown(BatchInsights insights, Rubric.Similarity thresholds) {
        StringBuilder md = new StringBuilder("\n## " + TITLE + "\n\n" + explanation(thresholds) + "\n");
        insights.pairs().notes().forEach(n -> md.append("\n").append(n).append("\n"));
        if (insights.pairs().pairs().isEmpty()) {
            return md.append("\nNo pair stands out.\n").toString();
        }
        Map<String, BatchInsights.SubmissionRow> rows = rows(insights);
        for (ReviewPair pair : insights.pairs().pairs()) {
            md.append("\n### ").append(SummaryMarkdown.cell(pair.first())).append(" and ")
                    .append(SummaryMarkdown.cell(pair.second())).append("\n\n| evidence | ")
                    .append(SummaryMarkdown.cell(pair.first())).append(" | ").append(SummaryMarkdown.cell(pair.second()))
                    .append(" |\n|---|---|---|\n");
            for (Line line : lines(pair, rows)) {
                md.append("| ").append(SummaryMarkdown.cell(line.what())).append(" | ")
                        .append(SummaryMarkdown.cell(line.first())).append(" | ")
                        .append(SummaryMarkdown.cell(line.shared() ? "(both)" : line.second())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static Map<String, BatchInsights.SubmissionRow> rows(BatchInsights insights) {
        return insights.submissions().stream().collect(Collectors.toMap(BatchInsights.SubmissionRow::id, Function.identity()));
    }

    private static List<Line> lines(ReviewPair pair, Map<String, BatchInsights.SubmissionRow> rows) {
        Optional<BatchInsights.SubmissionRow> a = Optional.ofNullable(rows.get(pair.first()));
        Optional<BatchInsights.SubmissionRow> b = Optional.ofNullable(rows.get(pair.second()));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("total", total(a), total(b), false));
        for (ReviewPair.Reason reason : pair.reasons()) {
            if (reason instanceof ReviewPair.SameWrongOutputs outputs) {
                outputs.cases().stream().map(ReviewPair.SharedOutput::function).distinct().forEach(f -> lines.add(
                        new Line(f, function(a, f), function(b, f), false)));
                for (ReviewPair.SharedOutput c : outputs.cases()) {
                    lines.add(Line.both(c.function() + ", " + c.set() + " case " + c.caseName(),
                            "the same wrong output, bit for bit (returned by " + c.sharedBy() + " submissions)"));
                }
            } else if (reason instanceof ReviewPair.SimilarErrors errors) {
                PredictionAgreement g = errors.agreement();
                lines.add(new Line("held-out accuracy", percentValue(errors.accuracyFirst()),
                        percentValue(errors.accuracySecond()), false));
                lines.add(new Line("held-out images wrong", Integer.toString(g.errorsA()), Integer.toString(g.errorsB()), false));
                lines.add(Line.both("wrong in both", Integer.toString(g.bothWrong())));
                lines.add(Line.both("wrong in both with the same wrong label", g.sameWrong() + ": "
                        + percent(g.shareOfErrors()) + " of the errors of the one with fewer; " + number(g.ratio())
                        + " times the " + number(g.expected()) + " expected of independent errors"));
            } else if (reason instanceof ReviewPair.SameModel model) {
                lines.add(Line.both("model file", model.sameFile() ? "identical files, byte for byte"
                        : "the same weights and biases, bit for bit (the files differ)"));
            } else if (reason instanceof ReviewPair.SameSource source) {
                lines.add(Line.both(source.file(), "identical after removing comments and whitespace and renaming"
                        + " identifiers (" + source.tokens() + " tokens); " + source.distinctive() + " of its "
                        + source.parts() + " parts (methods, functions) are written so by few others in the class"));
            }
        }
        return lines;
    }

    private static String total(Optional<BatchInsights.SubmissionRow> row) {
        return row.flatMap(BatchInsights.SubmissionRow::total).map(PairsSection::score).orElse("—");
    }

    private static String function(Optional<BatchInsights.SubmissionRow> row, String function) {
        String name = Q1Function.byMethodName(function).map(Q1Function::methodName).orElse(function);
        return row.map(r -> r.functions().get(name)).map(PairsSection::score).orElse("—");
    }

    private static String score(BatchInsights.Score score) {
        return Figures.shown(score.points()) + " / " + Figures.shown(score.max());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String percentValue(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }

    private static String number(double value) {
        return Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%.1f", value);
    }
}
