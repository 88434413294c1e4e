package edu.mlcourse.hw5.grader.batch;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code scores.csv}: a row per submission, a column per test, then the total. RFC 4180: comma
 * separated, CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
 * Submissions the grader failed on have status {@code not graded} and empty scores.
 */
public final class ScoreTable {
    public static final String FILE_NAME = "scores.csv";
    static final String GRADED = "graded";
    static final String NOT_GRADED = "not graded";
    private static final String EOL = "\r\n";

    private ScoreTable() {
    }

    /**
     * Every test name of the results, in report order: submissions in id order, each adding the
     * tests not seen before. Every submission graded by one grader has the same tests in the same
     * order, so this is that order, whichever submissions are in the folder.
     */
    static List<String> testNames(List<ResultStore.Graded> graded) {
        Set<String> names = new LinkedHashSet<>();
        for (ResultStore.Graded submission : graded) {
            submission.results().tests().forEach(t -> names.add(t.name()));
        }
        return List.copyOf(names);
    }

    public static String render(ResultStore.Contents contents) {
        List<String> tests = testNames(contents.graded());
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("submission", "status"));
        header.addAll(tests);
        header.add("total");
        row(csv, header);
        Map<String, List<String>> rows = new TreeMap<>();
        for (ResultStore.Graded submission : contents.graded()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (GradescopeResults.Test test : submission.results().tests()) {
                scores.merge(test.name(), test.score(), Double::sum);
            }
            List<String> cells = new ArrayList<>(List.of(submission.id(), GRADED));
            tests.forEach(name -> cells.add(scores.containsKey(name) ? number(scores.get(name)) : ""));
            cells.add(number(submission.results().score()));
            rows.put(submission.id(), cells);
        }
        for (ResultStore.Ungraded submission : contents.ungraded()) {
            List<String> cells = new ArrayList<>(List.of(submission.id(), NOT_GRADED));
            tests.forEach(name -> cells.add(""));
            cells.add("");
            rows.put(submission.id(), cells);
        }
        rows.values().forEach(cells -> row(csv, cells));
        return csv.toString();
    }

    /** Plain decimal without trailing zeros: {@code 5}, {@code 2.5}, {@code 1.6667}. */
    public static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(cells.get(i)));
        }
        csv.append(EOL);
    }

    /**
     * One field, quoted when it must be. A text field starting with {@code = + - @} would run as a
     * formula in a spreadsheet (ids are file names students chose), so it gets a leading quote.
     */
    static String field(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
