package edu.mlcourse.hw5.grader.batch;

import java.util.List;
import java.util.Locale;

/**
 * {@code summary.html}: the batch summary as one self-contained page (inline CSS, an inline SVG
 * histogram, no scripts, nothing fetched), readable on screen and on paper.
 */
public final class SummaryHtml {
    public static final String FILE_NAME = "summary.html";

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 18;
    private static final int BOTTOM = 44;

    private static final String STYLE = """
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: #1b1b1b; background: #fff; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #d0d0d0; }
            p { margin: .4rem 0; }
            .muted { color: #555; font-size: .9rem; }
            .stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: .5rem; }
            .stat { border: 1px solid #d0d0d0; border-radius: 6px; padding: .4rem .6rem; }
            .stat span { display: block; color: #555; font-size: .8rem; }
            .stat b { font-size: 1.25rem; font-variant-numeric: tabular-nums; }
            table { border-collapse: collapse; width: 100%; }
            th, td { padding: .3rem .5rem; border-bottom: 1px solid #e2e2e2; text-align: left; vertical-align: top; }
            th { font-weight: 600; border-bottom: 2px solid #bbb; }
            .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .meter { display: inline-block; width: 6rem; height: .6rem; background: #e6e6e6; border-radius: 3px;
                     overflow: hidden; vertical-align: middle; margin-left: .4rem; }
            .meter span { display: block; height: 100%; background: #2d6cb0; }
            svg { max-width: 100%; height: auto; }
            svg text { font: 12px system-ui, sans-serif; fill: #333; }
            svg .bar { fill: #2d6cb0; }
            svg .axis { stroke: #777; stroke-width: 1; }
            .error { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; word-break: break-word; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10.5pt; }
              h2 { break-after: avoid; }
              table, svg, .stats, tr { break-inside: avoid; }
              .meter span, svg .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            }
            """;

    private SummaryHtml() {
    }

    public static String render(BatchSummary summary) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>HW5 batch summary</title>
                <style>
                """).append(STYLE).append("</style>\n</head>\n<body>\n<h1>HW5 batch summary</h1>\n<p>")
                .append(escape(Figures.headline(summary))).append("</p>\n");
        summary.totals().ifPresent(totals -> {
            html.append("<h2>Totals (out of ").append(ScoreTable.number(summary.maxTotal())).append(")</h2>\n")
                    .append("<div class=\"stats\">\n");
            Figures.rows(totals).forEach(row -> html.append("<div class=\"stat\"><span>").append(escape(row.name()))
                    .append("</span><b>").append(row.value()).append("</b></div>\n"));
            html.append("</div>\n<p class=\"muted\">").append(escape(Figures.METHOD)).append("</p>\n")
                    .append("<h2>Histogram of the totals</h2>\n").append(histogram(summary.histogram(), summary.maxTotal()))
                    .append("<h2>Tests</h2>\n<p class=\"muted\">Passed means full points on the test.</p>\n")
                    .append("<table>\n<thead><tr><th>test</th><th class=\"n\">points</th><th class=\"n\">passed</th>"
                            + "<th>pass rate</th><th class=\"n\">mean points</th></tr></thead>\n<tbody>\n");
            for (BatchSummary.TestRate test : summary.tests()) {
                html.append("<tr><td>").append(escape(test.name())).append("</td><td class=\"n\">")
                        .append(ScoreTable.number(test.maxScore())).append("</td><td class=\"n\">").append(test.passed())
                        .append(" / ").append(test.graded()).append("</td><td class=\"n\">")
                        .append(Figures.percent(test.passRate())).append("<span class=\"meter\"><span style=\"width: ")
                        .append(String.format(Locale.ROOT, "%.1f", 100 * test.passRate())).append("%\"></span></span>")
                        .append("</td><td class=\"n\">").append(Figures.points(test.meanScore())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        });
        if (!summary.ungraded().isEmpty()) {
            html.append("<h2>Not graded</h2>\n<p>").append(escape(Figures.UNGRADED)).append("</p>\n<table>\n")
                    .append("<thead><tr><th>submission</th><th>why</th></tr></thead>\n<tbody>\n");
            summary.ungraded().forEach(u -> html.append("<tr><td>").append(escape(u.id()))
                    .append("</td><td class=\"error\">").append(escape(u.reason())).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** Bars of the histogram with their counts above and their ranges below, in SVG drawn here. */
    static String histogram(List<BatchSummary.Bin> bins, double maxTotal) {
        long most = Math.max(1, bins.stream().mapToLong(BatchSummary.Bin::count).max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / bins.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"histogram-title\">%n"
                        + "<title id=\"histogram-title\">Number of submissions per range of total points, 0 to %s</title>%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, escape(ScoreTable.number(maxTotal))));
        double baseline = TOP + plotHeight;
        for (int i = 0; i < bins.size(); i++) {
            BatchSummary.Bin bin = bins.get(i);
            double height = plotHeight * bin.count() / most;
            double x = LEFT + i * slot;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                            + "<title>%s points: %d</title></rect>%n", x + 3, baseline - height, slot - 6, height,
                    Figures.range(bin), bin.count()));
            if (bin.count() > 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>%n",
                        x + slot / 2, baseline - height - 4, bin.count()));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x + slot / 2, baseline + 16, Figures.range(bin)));
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>%n",
                LEFT, baseline, WIDTH - RIGHT, baseline));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">total points</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 6));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %.1f) rotate(-90)\" text-anchor=\"middle\">"
                + "submissions</text>%n", TOP + plotHeight / 2));
        return svg.append("</svg>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
