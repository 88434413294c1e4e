package edu.mlcourse.hw5.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line or two a failed test shows in a build's output, taken from the grader's full feedback. */
class BriefReportTest {
    private static TestResult failed(double score, double max, String output) {
        return new TestResult("Q1 reluBackward: public cases", score, max, output, "visible", List.of("reluBackward"));
    }

    @Test
    void theFirstFailingCaseAndItsLikelyMistakeMakeTwoLines() {
        String output = String.join("\n", "0 of 7 cases passed.", "", "reluBackward, public case \"n1_k1\" (a single number):",
                "  dx differs at [0][0]: expected 0.0, got 0.2986 (|difference| 0.299 > allowed 1E-8).",
                "  Likely mistake: You passed dout through unchanged: zero it where the ReLU input x was ≤ 0.", "",
                "reluBackward, public case \"n4_k3\" (more rows than columns):", "  dx differs at [0][0]: expected -0.4356, got 0.0.",
                "", "Also failed: n3_k3_a.");
        assertEquals("reluBackward: public cases (1.50 / 6.00 points). 0 of 7 cases passed. reluBackward, public case"
                + " \"n1_k1\" (a single number): dx differs at [0][0]: expected 0.0, got 0.2986 (|difference| 0.299 > allowed 1E-8).\n"
                + "Likely mistake: You passed dout through unchanged: zero it where the ReLU input x was ≤ 0.",
                BriefReport.failure("reluBackward: public cases", failed(1.5, 6, output)));
    }

    @Test
    void stackFramesAreLeftOutAndACaseWithoutAHintIsOneLine() {
        String output = String.join("\n", "0 of 7 cases passed. Every failing case failed the same way:",
                "reluBackward, public case \"n1_k1\" (a single number):", "  reluBackward threw ArithmeticException: / by zero",
                "      at hw5.Q1.reluBackward(Q1.java:62)");
        assertEquals("reluBackward: public cases (0.00 / 6.00 points). 0 of 7 cases passed. Every failing case failed the same"
                + " way: reluBackward, public case \"n1_k1\" (a single number): reluBackward threw ArithmeticException: / by zero",
                BriefReport.failure("reluBackward: public cases", failed(0, 6, output)));
    }

    @Test
    void aOneParagraphFeedbackIsKeptWhole() {
        String output = "The finite-difference check uses your reluForward, which fails 9 of its cases, so it cannot judge"
                + " your reluBackward.";
        assertEquals("reluBackward: gradient check (0.00 / 4.00 points). " + output,
                BriefReport.failure("reluBackward: gradient check", failed(0, 4, output)));
    }
}
