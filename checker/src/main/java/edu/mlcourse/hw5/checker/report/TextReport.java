package edu.mlcourse.hw5.checker.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The report printed to the terminal: a line per test, the total, the feedback of those that
 * failed, and why a Q2 that earned points is unverified or flagged.
 */
public final class TextReport {
    private TextReport() {
    }

    public static String render(GradeReport report) {
        return render(report, "");
    }

    /**
     * The same, with {@code underTotal} (lines that say what the total is, as the local check's
     * {@code LocalPipeline.scale}) printed just below the total.
     */
    public static String render(GradeReport report, String underTotal) {
        StringBuilder text = new StringBuilder();
        text.append("HW5 grade for ").append(report.submission()).append('\n');
        if (report.graderFailed()) {
            text.append('\n').append(graderFailure()).append('\n');
            report.graderErrors().forEach(e -> text.append(indent("- " + e)).append('\n'));
            text.append("\nWhat was graded before the failure (for the course staff; not a score):\n");
        }
        for (TestResult t : report.tests()) {
            text.append(String.format(Locale.ROOT, "  %s  %-42s %6.2f / %5.2f%n", t.passed() ? "PASS" : "FAIL",
                    t.name(), t.score(), t.maxScore()));
        }
        if (!report.graderFailed()) {
            text.append(totalLine(report));
            if (!underTotal.isEmpty()) {
                text.append(underTotal).append('\n');
            }
        }
        boolean anyFailed = report.tests().stream().anyMatch(t -> !t.passed());
        if (anyFailed) {
            text.append("\nWhat to fix\n");
            report.problems().forEach(p -> text.append('\n').append(indent(p)).append('\n'));
            for (TestResult t : report.tests()) {
                if (!t.passed()) {
                    text.append("\n== ").append(t.name()).append('\n').append(indent(t.output())).append('\n');
                }
            }
        }
        // An unverified or flagged Q2 that earned its points is no failure, but its score rests on
        // the predictions file alone: say so, and show the test's reasons (which say how to verify it).
        Optional<String> toVerify = report.heldOut().map(HeldOutScore::toVerify).filter(t -> !t.isEmpty());
        if (toVerify.isPresent() && !report.graderFailed()) {
            text.append("\nFor the course staff to check\n").append(bullet(toVerify.get())).append('\n');
            for (TestResult t : report.tests()) {
                if (t.passed() && t.tags().contains(HeldOutScore.TEST_TAG)) {
                    text.append("\n== ").append(t.name()).append('\n').append(indent(t.output())).append('\n');
                }
            }
        }
        if (!report.notes().isEmpty()) {
            text.append("\nNotes\n");
            report.notes().forEach(n -> text.append(bullet(n)).append('\n'));
        }
        return text.toString();
    }

    /** {@code "  Total   45.50 / 60.00"}, aligned with the lines above it. */
    static String totalLine(GradeReport report) {
        return String.format(Locale.ROOT, "  %-48s %6.2f / %5.2f%n", "Total", report.score(), report.maxScore());
    }

    /** One paragraph for the top of Gradescope's results: the total and where to look, or the grader's failure. */
    public static String summary(GradeReport report) {
        if (report.graderFailed()) {
            return graderFailure() + "\n\nDetails for the course staff:\n- " + String.join("\n- ", report.graderErrors());
        }
        long failed = report.tests().stream().filter(t -> !t.passed()).count();
        String head = String.format(Locale.ROOT, "Score %.2f / %.2f. ", report.score(), report.maxScore())
                + (failed == 0 ? "Every test passed." : failed + " test(s) lost points; each one says what went wrong.")
                + (report.problems().isEmpty() ? "" : "\n\n" + String.join("\n\n", report.problems()));
        String notes = report.notes().isEmpty() ? "" : "\n\n" + String.join("\n\n", report.notes());
        return head + notes;
    }

    private static String graderFailure() {
        return "GRADER FAILED: the grader itself failed on this submission, so it has no score yet (any 0 shown is"
                + " not a grade and says nothing about the work). The course staff must grade it again.";
    }

    /** A note as check.py prints one too: a dash, and its further lines under its first line's text. */
    static String bullet(String note) {
        return "   - " + note.replace("\n", "\n     ");
    }

    private static String indent(String text) {
        return "   " + text.replace("\n", "\n   ");
    }
}
