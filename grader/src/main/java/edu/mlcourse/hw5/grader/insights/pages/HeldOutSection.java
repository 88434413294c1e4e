package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.grader.insights.heldout.ClassHeldOut;
import edu.mlcourse.hw5.grader.insights.stats.Histogram;
import java.util.Locale;

/** Q2 across the class, for {@code summary.html} and {@code summary.md} alike. */
final class HeldOutSection {
    static final String TITLE = "Q2 across the class";
    private static final int BAR_WIDTH = 30;

    private HeldOutSection() {
    }

    public static String html(ClassHeldOut heldOut) {
        StringBuilder html = new StringBuilder("<h2 id=\"heldout\">" + TITLE + "</h2>\n");
        if (heldOut.accuracies().isEmpty()) {
            return html.append("<p>No graded submission has a held-out accuracy.</p>\n").toString();
        }
        html.append("<h3>Held-out accuracy (").append(heldOut.accuracies().size()).append(" submissions)</h3>\n")
                .append(SvgHistogram.render(heldOut.histogram(), "accuracy-histogram",
                        "Number of submissions per range of held-out accuracy", "held-out accuracy (%)", "%",
                        Figures::range));
        if (heldOut.classes().isEmpty()) {
            return html.append("<p class=\"muted\">Per-class figures need the held-out labels and the predictions"
                    + " (evidence.json); none were available.</p>\n").toString();
        }
        html.append("<h3>Accuracy per class, averaged over ").append(heldOut.compared())
                .append(" submissions</h3>\n<table>\n<thead><tr><th scope=\"col\">class</th>"
                        + "<th scope=\"col\" class=\"n\">mean accuracy</th></tr></thead>\n<tbody>\n");
        for (ClassHeldOut.ClassAccuracy c : heldOut.classes()) {
            html.append("<tr><td>").append(c.label()).append(" ").append(Html.escape(c.name())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.2f%%", c.meanAccuracy()))
                    .append("<span class=\"meter\"><span style=\"width: ")
                    .append(String.format(Locale.ROOT, "%.1f", c.meanAccuracy())).append("%\"></span></span></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h3>Most often confused</h3>\n<table>\n<thead><tr><th scope=\"col\">true class</th>"
                + "<th scope=\"col\">predicted as</th><th scope=\"col\" class=\"n\">images, all submissions</th>"
                + "<th scope=\"col\" class=\"n\">mean share of the class</th></tr></thead>\n<tbody>\n");
        for (ClassHeldOut.Confusion c : heldOut.confusions()) {
            html.append("<tr><td>").append(Html.escape(c.trueName())).append("</td><td>").append(Html.escape(c.predictedName()))
                    .append("</td><td class=\"n\">").append(c.images()).append("</td><td class=\"n\">")
                    .append(MistakesSection.percent(c.meanShare())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    public static String markdown(ClassHeldOut heldOut) {
        StringBuilder md = new StringBuilder("\n## " + TITLE + "\n\n");
        if (heldOut.accuracies().isEmpty()) {
            return md.append("No graded submission has a held-out accuracy.\n").toString();
        }
        md.append("### Held-out accuracy (").append(heldOut.accuracies().size()).append(" submissions)\n\n")
                .append("| accuracy (%) | submissions | |\n|---|---:|---|\n");
        long most = Math.max(1, heldOut.histogram().stream().mapToLong(Histogram.Bin::count).max().orElse(1));
        for (Histogram.Bin bin : heldOut.histogram()) {
            md.append("| ").append(Figures.range(bin)).append(" | ").append(bin.count()).append(" | ")
                    .append("#".repeat((int) Math.round((double) BAR_WIDTH * bin.count() / most))).append(" |\n");
        }
        if (heldOut.classes().isEmpty()) {
            return md.append("\nPer-class figures need the held-out labels and the predictions (evidence.json); none"
                    + " were available.\n").toString();
        }
        md.append("\n### Accuracy per class, averaged over ").append(heldOut.compared()).append(" submissions\n\n")
                .append("| class | mean accuracy |\n|---|---:|\n");
        heldOut.classes().forEach(c -> md.append("| ").append(c.label()).append(" ").append(c.name()).append(" | ")
                .append(String.format(Locale.ROOT, "%.2f%%", c.meanAccuracy())).append(" |\n"));
        md.append("\n### Most often confused\n\n| true class | predicted as | images, all submissions | mean share of the class |\n")
                .append("|---|---|---:|---:|\n");
        heldOut.confusions().forEach(c -> md.append("| ").append(c.trueName()).append(" | ").append(c.predictedName())
                .append(" | ").append(c.images()).append(" | ").append(MistakesSection.percent(c.meanShare())).append(" |\n"));
        return md.toString();
    }
}
