package edu.mlcourse.hw5.checker.report;

import java.util.Locale;

/** The report printed to the terminal: a line per test, the feedback of those that failed, the total. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(GradeReport report) {
        StringBuilder text = new StringBuilder();
        text.append("HW5 grade for ").append(report.submission()).append('\n');
        for (TestResult t : report.tests()) {
            text.append(String.format(Locale.ROOT, "  %s  %-42s %6.2f / %5.2f%n", t.passed() ? "PASS" : "FAIL",
                    t.name(), t.score(), t.maxScore()));
        }
        text.append(String.format(Locale.ROOT, "  %-48s %6.2f / %5.2f%n", "Total", report.score(), report.maxScore()));
        boolean anyFailed = report.tests().stream().anyMatch(t -> !t.passed());
        if (anyFailed) {
            text.append("\nWhat to fix\n");
            for (TestResult t : report.tests()) {
                if (!t.passed()) {
                    text.append("\n== ").append(t.name()).append('\n').append(indent(t.output())).append('\n');
                }
            }
        }
        if (!report.notes().isEmpty()) {
            text.append("\nNotes\n");
            report.notes().forEach(n -> text.append(indent("- " + n)).append('\n'));
        }
        if (!report.graderErrors().isEmpty()) {
            text.append("\nGRADER ERROR: the grader itself failed; this score may be incomplete. Tell the course staff.\n");
            report.graderErrors().forEach(e -> text.append(indent("- " + e)).append('\n'));
        }
        return text.toString();
    }

    /** One paragraph for the top of Gradescope's results: the total and where to look. */
    public static String summary(GradeReport report) {
        long failed = report.tests().stream().filter(t -> !t.passed()).count();
        String head = String.format(Locale.ROOT, "Score %.2f / %.2f. ", report.score(), report.maxScore())
                + (failed == 0 ? "Every test passed." : failed + " test(s) lost points; each one says what went wrong.");
        String notes = report.notes().isEmpty() ? "" : "\n\n" + String.join("\n\n", report.notes());
        String errors = report.graderErrors().isEmpty() ? ""
                : "\n\nThe grader itself failed, so this score may be incomplete; the course staff have been told.";
        return head + notes + errors;
    }

    private static String indent(String text) {
        return "   " + text.replace("\n", "\n   ");
    }
}
