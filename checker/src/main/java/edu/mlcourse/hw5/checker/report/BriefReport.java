package edu.mlcourse.hw5.checker.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A grade in a few lines, for a build's test output (the student project's {@code mvn test}): one
 * or two lines for each test that lost points, the first failure and its likely mistake, and the
 * total as {@code ./check} prints it. The whole feedback stays in {@link TextReport}.
 */
public final class BriefReport {
    private BriefReport() {
    }

    /**
     * What a failed test says first: its name and score and its first failure, then the likely
     * mistake if one is named.
     *
     * @param name the test's name as the reader knows it ({@code linearForward: public cases})
     */
    public static String failure(String name, TestResult test) {
        List<String> lines = meaningfulLines(test.output());
        String points = String.format(Locale.ROOT, "%s (%.2f / %.2f points).", name, test.score(), test.maxScore());
        if (lines.isEmpty()) {
            return points;
        }
        StringBuilder first = new StringBuilder(points).append(' ').append(lines.get(0));
        int next = 1;
        if (lines.size() > 2 && lines.get(1).endsWith(":")) {
            // A case's heading and its first finding: "reluBackward, public case "n1_k1" (...): dx differs at ..."
            first.append(' ').append(lines.get(1)).append(' ').append(lines.get(2));
            next = 3;
        }
        boolean explained = lines.size() > next && !lines.get(next).endsWith(":")
                && !lines.get(next).startsWith("Also failed");
        return explained ? first + "\n" + lines.get(next) : first.toString();
    }

    /** The total line of {@link TextReport}, so the two outputs can be compared at a glance. */
    public static String total(GradeReport report) {
        return TextReport.totalLine(report).stripTrailing();
    }

    private static List<String> meaningfulLines(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            // Stack frames and blank lines carry nothing a line or two can use.
            if (!trimmed.isEmpty() && !trimmed.startsWith("at ")) {
                lines.add(trimmed);
            }
        }
        return lines;
    }
}
