package edu.mlcourse.hw5.checker.report;

import java.util.List;

/**
 * One scored line of a grade: what Gradescope calls a test.
 *
 * @param name e.g. {@code Q1 linearForward: hidden cases}
 * @param score points earned
 * @param maxScore points possible
 * @param output feedback for the student
 * @param visibility Gradescope visibility
 * @param tags e.g. the method name {@code linearForward}
 */
public record TestResult(String name, double score, double maxScore, String output, String visibility, List<String> tags) {
    public TestResult {
        tags = List.copyOf(tags);
    }

    public boolean passed() {
        return score >= maxScore - 1e-9;
    }
}
