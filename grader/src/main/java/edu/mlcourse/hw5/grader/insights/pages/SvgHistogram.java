package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.grader.insights.stats.Histogram;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A histogram as inline SVG: bars with their counts above and their ranges below. */
final class SvgHistogram {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 18;
    private static final int BOTTOM = 44;

    private SvgHistogram() {
    }

    /**
     * @param id unique in the page (the accessible title's id)
     * @param title what the chart shows, for screen readers and tooltips
     * @param axis the quantity binned, e.g. {@code total points}
     * @param unit after a bin's range in its tooltip, e.g. {@code points}
     * @param range a bin's label, e.g. {@code 60–70}
     */
    public static String render(List<Histogram.Bin> bins, String id, String title, String axis, String unit,
                                Function<Histogram.Bin, String> range) {
        long most = Math.max(1, bins.stream().mapToLong(Histogram.Bin::count).max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / bins.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"%s\">%n"
                        + "<title id=\"%s\">%s</title>%n", WIDTH, HEIGHT, WIDTH, HEIGHT, id, id, Html.escape(title)));
        double baseline = TOP + plotHeight;
        for (int i = 0; i < bins.size(); i++) {
            Histogram.Bin bin = bins.get(i);
            double height = plotHeight * bin.count() / most;
            double x = LEFT + i * slot;
            String label = Html.escape(range.apply(bin));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s %s: %d</title></rect>%n", x + 3, baseline - height, slot - 6, height, label,
                    Html.escape(unit), bin.count()));
            if (bin.count() > 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>%n",
                        x + slot / 2, baseline - height - 4, bin.count()));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x + slot / 2, baseline + 16, label));
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>%n",
                LEFT, baseline, WIDTH - RIGHT, baseline));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 6, Html.escape(axis)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %.1f) rotate(-90)\" text-anchor=\"middle\">"
                + "submissions</text>%n", TOP + plotHeight / 2));
        return svg.append("</svg>\n").toString();
    }
}
