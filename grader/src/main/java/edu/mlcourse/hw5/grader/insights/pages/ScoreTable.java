package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code scores.csv}: a row per submission, a column per test, then the total, then whether Q2 is
 * verified ({@code yes}, {@code no}; empty where Q2 has no score) and why not or what is worth a
 * look ({@code Q2 to verify}, as on the class page). RFC 4180: comma separated, CRLF line ends,
 * fields quoted when they hold a comma, a quote or a line break. Submissions the grader failed on
 * have status {@code not graded} and empty scores.
 */
public final class ScoreTable {
    public static final String FILE_NAME = "scores.csv";
    static final String GRADED = "graded";
    static final String NOT_GRADED = "not graded";
    private static final String EOL = "\r\n";

    private ScoreTable() {
    }

    /**
     * The columns, in report order: submissions in id order, each adding the tests not seen
     * before, keyed by {@link #column} and headed by the name first seen. Every submission graded
     * by one grader has the same tests in the same order, so this is that order, whichever
     * submissions are in the folder; the two editions share their Q1 columns.
     */
    static Map<String, String> columns(List<ResultStore.Graded> graded) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (ResultStore.Graded submission : graded) {
            submission.results().tests().forEach(t -> headers.putIfAbsent(column(t), t.name()));
        }
        return headers;
    }

    /**
     * Which check a test is, read from its tags (never its title): a Q1 test by its function's
     * method name and its kind ({@code q1/linearForward/public}), so that {@code linear_forward}'s
     * and {@code linearForward}'s public cases, the same check worth the same points, share a
     * column; any other test by its tags ({@code heldout/q2}). Results without tags (written by
     * hand) fall back to the title.
     */
    static String column(GradescopeResults.Test test) {
        List<String> tags = test.tags() == null ? List.of() : test.tags();
        if (tags.isEmpty()) {
            return test.name();
        }
        if (tags.contains("q1")) {
            for (Q1Function function : Q1Function.values()) {
                if (tags.contains(function.methodName())) {
                    String kind = tags.stream().filter(tag -> !tag.equals("q1") && !tag.equals(function.methodName())
                            && !tag.equals(function.pythonName())).findFirst().orElse("");
                    return "q1/" + function.methodName() + "/" + kind;
                }
            }
        }
        return String.join("/", tags);
    }

    public static String render(ResultStore.Contents contents) {
        Map<String, String> columns = columns(contents.graded());
        Set<String> tests = columns.keySet();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("submission", "status"));
        header.addAll(columns.values());
        header.addAll(List.of("total", "Q2 verified", "Q2 to verify"));
        row(csv, header);
        Map<String, List<String>> rows = new TreeMap<>();
        for (ResultStore.Graded submission : contents.graded()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (GradescopeResults.Test test : submission.results().tests()) {
                scores.merge(column(test), test.score(), Double::sum);
            }
            List<String> cells = new ArrayList<>(List.of(submission.id(), GRADED));
            tests.forEach(name -> cells.add(scores.containsKey(name) ? number(scores.get(name)) : ""));
            cells.add(number(submission.results().score()));
            Optional<HeldOutScore> q2 = submission.results().q2();
            cells.add(q2.map(h -> h.verified() ? "yes" : "no").orElse(""));
            cells.add(q2.map(HeldOutScore::toVerify).orElse(""));
            rows.put(submission.id(), cells);
        }
        for (ResultStore.Ungraded submission : contents.ungraded()) {
            List<String> cells = new ArrayList<>(List.of(submission.id(), NOT_GRADED));
            tests.forEach(name -> cells.add(""));
            cells.addAll(List.of("", "", ""));
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

    static void row(StringBuilder csv, List<String> cells) {
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
