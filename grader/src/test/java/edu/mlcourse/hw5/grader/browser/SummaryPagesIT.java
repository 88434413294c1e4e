package edu.mlcourse.hw5.grader.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.grader.insights.PlantedBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch's pages in a real browser (Debian's Chromium, headless): a batch graded by the packaged
 * grader.jar renders without script errors, its submission table sorts when a column header is
 * clicked, and a student's page opens from it. Screenshots are kept in {@code grader/target/browser/}.
 *
 * <p>Needs {@code /usr/bin/chromium} (or {@code -Dhw5.chromium=PATH}); {@code .ci/run} installs it.
 */
class SummaryPagesIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("hw5.chromium", "/usr/bin/chromium"));
    private static final Path JAR = Path.of(System.getProperty("hw5.graderJar", "target/grader.jar"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("hw5.screenshots", "target/browser"));
    private static final int WIDTH = 1280;

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void gradeAPlantedBatchWithTheJar() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        PlantedBatch.make(dir.resolve("in"));
        out = dir.resolve("out");
        Process batch = new ProcessBuilder("java", "-jar", JAR.toAbsolutePath().toString(), "batch",
                dir.resolve("in").toString(), "--out", out.toString(), "--jobs", "2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("batch.log").toFile()).start();
        assertTrue(batch.waitFor(10, TimeUnit.MINUTES), "the batch finished");
        assertEquals(0, batch.exitValue(), () -> read(dir.resolve("batch.log")));
    }

    @Test
    void theSummaryRendersWithoutErrorsAndItsTableSortsByAClickedColumn() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(CHROMIUM)) {
            chromium.open(out.resolve("summary.html").toUri().toString(), WIDTH);
            assertEquals(List.of(), chromium.errors());
            int rows = chromium.evaluate("document.querySelectorAll('#submission-table tbody tr').length").asInt();
            assertEquals(PlantedBatch.SIZE, rows);

            click(chromium, "total (100)");
            List<Double> ascending = totals(chromium);
            assertEquals(sorted(ascending, false), ascending);
            assertEquals("ascending", ariaSort(chromium, "total (100)"));
            click(chromium, "total (100)");
            List<Double> descending = totals(chromium);
            assertEquals(sorted(descending, true), descending);
            assertEquals("descending", ariaSort(chromium, "total (100)"));
            assertTrue(descending.get(0) > descending.get(descending.size() - 1), "the totals differ");

            click(chromium, "submission");
            JsonNode ids = chromium.evaluate("Array.from(document.querySelectorAll('#submission-table tbody th'))"
                    + ".map(c => c.textContent)");
            List<String> byId = new ArrayList<>();
            ids.forEach(id -> byId.add(id.asText()));
            assertEquals(byId.stream().sorted().toList(), byId);
            assertEquals(List.of(), chromium.errors());
            chromium.screenshot(SCREENSHOTS.resolve("summary.png"));
        }
    }

    @Test
    void aStudentsPageOpensFromTheSummaryWithoutErrors() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(CHROMIUM)) {
            chromium.open(out.resolve("summary.html").toUri().toString(), WIDTH);
            String link = chromium.evaluate("document.querySelector('#submission-table a[href=\"leaky-one/results.html\"]').href")
                    .asText();
            chromium.open(link, WIDTH);
            assertEquals(List.of(), chromium.errors());
            assertEquals("leaky-one", chromium.evaluate("document.querySelector('h1').textContent").asText());
            assertTrue(chromium.evaluate("document.querySelectorAll('section.test').length").asInt() > 10);
            chromium.screenshot(SCREENSHOTS.resolve("student.png"));
        }
    }

    private static void click(HeadlessChromium chromium, String column) throws Exception {
        chromium.evaluate("document.querySelector('#submission-table th button[data-column=\"" + column + "\"]').click()");
    }

    private static String ariaSort(HeadlessChromium chromium, String column) throws Exception {
        return chromium.evaluate("document.querySelector('#submission-table th button[data-column=\"" + column
                + "\"]').parentNode.getAttribute('aria-sort')").asText();
    }

    /** The total column, top to bottom; ungraded rows (no total) come last whichever the direction. */
    private static List<Double> totals(HeadlessChromium chromium) throws Exception {
        JsonNode cells = chromium.evaluate("Array.from(document.querySelectorAll('#submission-table tbody tr'))"
                + ".map(r => r.cells[2].getAttribute('data-sort')).filter(v => v !== '')");
        List<Double> totals = new ArrayList<>();
        cells.forEach(c -> totals.add(Double.parseDouble(c.asText())));
        return totals;
    }

    private static List<Double> sorted(List<Double> values, boolean descending) {
        Comparator<Double> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return values.stream().sorted(order).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
