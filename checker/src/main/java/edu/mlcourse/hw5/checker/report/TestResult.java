package edu.mlcourse.hw5.checker.report;

import java.util.List;
import java.util.Optional;

/**
 * One scored line of a grade: what Gradescope calls a test.
 *
 * @param name e.g. {@code Q1 linearForward: hidden cases}
 * @param score points earned
 * @param maxScore points possible
 * @param output feedback for the student
 * @param visibility Gradescope visibility
 * @param tags e.g. the method name {@code linearForward}
 * @param findings what the checks found, for the course staff's statistics
 */
public record TestResult(String name, double score, double maxScore, String output, String visibility, List<String> tags,
                         Findings findings) {
    public TestResult {
        tags = List.copyOf(tags);
    }

    public TestResult(String name, double score, double maxScore, String output, String visibility, List<String> tags) {
        this(name, score, maxScore, output, visibility, tags, Findings.NONE);
    }

    /**
     * Facts behind a test's feedback, so a batch can count them without reading the text.
     *
     * @param mistakes the named mistakes ({@code Mistake} ids) recognised in the test's failed checks, in order
     * @param firstFailure the first check that failed, e.g. {@code hidden case n5_d2_m3}, or {@code not run}
     */
    public record Findings(List<String> mistakes, Optional<String> firstFailure) {
        public static final Findings NONE = new Findings(List.of(), Optional.empty());

        public Findings {
            mistakes = List.copyOf(mistakes);
        }
    }

    public boolean passed() {
        return score >= maxScore - 1e-9;
    }
}
