package edu.mlcourse.hw5.grader.insights.pages;

import edu.mlcourse.hw5.grader.insights.changes.GradeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code changes.csv}: a row per grade change (a regrade that changed a score, or one the grader
 * failed on, which changed nothing): submission, when each grade was given, old and new total, the
 * difference, why, and each test whose score changed ({@code test: old -> new}, {@code ; } between).
 * Full precision, RFC 4180 like {@code scores.csv}.
 */
public final class ChangesTable {
    public static final String FILE_NAME = "changes.csv";
    static final List<String> HEADER = List.of("submission", "graded before", "graded after", "old total", "new total",
            "difference", "why", "tests");

    private ChangesTable() {
    }

    public static String render(List<GradeChange> changes) {
        StringBuilder csv = new StringBuilder();
        ScoreTable.row(csv, HEADER);
        for (GradeChange change : changes) {
            List<String> cells = new ArrayList<>(List.of(change.id(), change.before().orElse(""),
                    change.after().orElse(""), ScoreTable.number(change.oldTotal()),
                    change.newTotal().map(ScoreTable::number).orElse(""),
                    change.newTotal().map(t -> ScoreTable.number(t - change.oldTotal())).orElse(""), change.why(),
                    tests(change, ScoreTable::number)));
            ScoreTable.row(csv, cells);
        }
        return csv.toString();
    }

    /** {@code Q1 linearForward: hidden cases: 3 -> 6; ...}; a test absent on one side shows {@code -}. */
    static String tests(GradeChange change, java.util.function.DoubleFunction<String> number) {
        List<String> parts = new ArrayList<>();
        for (GradeChange.TestChange test : change.tests()) {
            parts.add(test.test() + ": " + side(test.oldScore(), number) + " -> " + side(test.newScore(), number));
        }
        return String.join("; ", parts);
    }

    private static String side(Optional<Double> score, java.util.function.DoubleFunction<String> number) {
        return score.map(number::apply).orElse("-");
    }
}
