package edu.mlcourse.hw5.grader.insights.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.insights.BatchInsights;
import edu.mlcourse.hw5.grader.insights.NoInsights;
import edu.mlcourse.hw5.grader.insights.stats.Histogram;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryRenderingTest {
    private static final BatchSummary SUMMARY = new BatchSummary(3, 100,
            Optional.of(new BatchSummary.Totals(2, 55, 63.64, 10, 32.5, 55, 77.5, 100)),
            List.of(new BatchSummary.TestRate("Q1 <linear> | \"forward\"", 60, 1, 2, 35)),
            BatchSummary.histogram(new double[] {5, 100}, 100),
            List.of(new ResultStore.Ungraded("x|<y>", "the grader failed:\njava.lang.Error", true)));

    @Test
    void theHtmlPageIsSelfContainedWithAnInlineHistogram() {
        String html = SummaryHtml.render(SUMMARY, NoInsights.of(), NoInsights.THRESHOLDS);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<style>"));
        for (String external : List.of("src=", "url(", "@import", "<link", "http:", "https:", "//")) {
            assertFalse(html.replace("</", "").contains(external), "the page must not load anything: found " + external);
        }
        assertEquals(1, count(html, "<script>"), "one inline script, which sorts the table");
        Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (links.find()) {
            assertTrue(links.group(1).startsWith("#"), "only links within the page here: " + links.group(1));
        }
        assertEquals(Histogram.BINS, count(html, "<rect class=\"bar\""));
        assertTrue(html.contains("<title>0–10 points: 1</title>"));
        assertTrue(html.contains("<title>90–100 points: 1</title>"));
        assertTrue(html.contains("@media print"));
    }

    @Test
    void bothPagesListEachQ2ToVerifyWithItsReasonAndSayWhenThereIsNone() {
        BatchInsights insights = NoInsights.withQ2ToVerify(List.of(
                new BatchInsights.Q2ToVerify("eve<1>", new HeldOutScore(100, false, "there is no model file (my_model.pt)",
                        List.of("held-out accuracy 100.00% is above 95%"))),
                new BatchInsights.Q2ToVerify("sam", new HeldOutScore(96.1, true, "my_model.json reproduces it",
                        List.of("held-out accuracy 96.10% is above 95%")))));
        String html = SummaryHtml.render(SUMMARY, insights, NoInsights.THRESHOLDS);
        assertTrue(html.contains("<h2 id=\"q2-to-verify\">Q2 to verify (2)</h2>"), html);
        assertTrue(html.contains("<a href=\"#q2-to-verify\">Q2 to verify</a>"), html);
        assertTrue(html.contains("<td class=\"error\">no</td><td>there is no model file (my_model.pt). Flag: held-out"
                + " accuracy 100.00% is above 95%.</td>"), html);
        assertTrue(html.contains("eve&lt;1&gt;"), html);
        assertTrue(html.contains("<td>yes</td><td>Flag: held-out accuracy 96.10% is above 95%.</td>"), html);
        String md = SummaryMarkdown.render(SUMMARY, insights, NoInsights.THRESHOLDS);
        assertTrue(md.contains("## Q2 to verify (2)"), md);
        assertTrue(md.contains("| eve&lt;1&gt; | 100.00 | **no** | there is no model file (my_model.pt). Flag: held-out"
                + " accuracy 100.00% is above 95%. |"), md);
        assertTrue(SummaryMarkdown.render(SUMMARY, NoInsights.of(), NoInsights.THRESHOLDS)
                .contains("Every Q2 score is verified."));
    }

    @Test
    void theHtmlEscapesNamesAndMessages() {
        String html = SummaryHtml.render(SUMMARY, NoInsights.of(), NoInsights.THRESHOLDS);
        assertTrue(html.contains("<td>Q1 &lt;linear&gt; | &quot;forward&quot;</td>"), html);
        assertTrue(html.contains("<td>x|&lt;y&gt;</td>"));
        assertFalse(html.contains("<linear>"));
    }

    @Test
    void theMarkdownShowsTheSameFiguresWithCellsThatCannotBreakTheTable() {
        String md = SummaryMarkdown.render(SUMMARY, NoInsights.of(), NoInsights.THRESHOLDS);
        for (String row : List.of("| mean | 55.00 |", "| standard deviation | 63.64 |", "| first quartile | 32.50 |",
                "| median | 55.00 |", "| third quartile | 77.50 |", "| minimum | 10.00 |", "| maximum | 100.00 |",
                "| Q1 &lt;linear&gt; \\| \"forward\" | 60 | 1 / 2 | 50.0% | 35.00 |",
                "| x\\|&lt;y&gt; | the grader failed: java.lang.Error |", "| 0–10 | 1 | ", "## Totals (out of 100)")) {
            assertTrue(md.contains(row), () -> "missing " + row + " in\n" + md);
        }
        String html = SummaryHtml.render(SUMMARY, NoInsights.of(), NoInsights.THRESHOLDS);
        for (String figure : List.of("<b>55.00</b>", "<b>63.64</b>", "<b>32.50</b>", "<b>77.50</b>", "50.0%")) {
            assertTrue(html.contains(figure), figure);
        }
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
