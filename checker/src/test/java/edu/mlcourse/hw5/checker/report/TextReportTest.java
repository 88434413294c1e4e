package edu.mlcourse.hw5.checker.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The terminal report: a Q2 that earned its points without being verified says so, with its reasons. */
class TextReportTest {
    private static final TestResult Q1 = new TestResult("Q1 relu_forward: public cases", 5, 5, "All passed.",
            "visible", List.of("relu_forward", "q1"));

    private static TestResult q2(double score) {
        return new TestResult("Q2 held-out accuracy", score, 40, "Q2 is unverified: my_model.pt could not be evaluated."
                + " To verify it, save the model with the notebook's last cells.", "visible",
                List.of(HeldOutScore.TEST_TAG, "q2"));
    }

    private static String render(TestResult q2, HeldOutScore heldOut) {
        return TextReport.render(new GradeReport("upload.zip", List.of(Q1, q2), List.of(), Optional.of(heldOut),
                List.of(), 1.0));
    }

    @Test
    void anUnverifiedQ2ThatEarnedItsPointsIsShownForTheStaffWithTheTestsReasons() {
        String text = render(q2(40), new HeldOutScore(90.9, false, "my_model.pt could not be evaluated", List.of()));
        assertTrue(text.contains("For the course staff to check\n   - my_model.pt could not be evaluated."), text);
        assertTrue(text.contains("== Q2 held-out accuracy\n   Q2 is unverified: my_model.pt could not be evaluated."),
                text);
        assertFalse(text.contains("What to fix"), "nothing lost points: " + text);
    }

    @Test
    void aFlagOnAVerifiedQ2IsShownToo() {
        String text = render(q2(40), new HeldOutScore(96.5, true, "verified", List.of("held-out accuracy 96.50% is high")));
        assertTrue(text.contains("For the course staff to check\n   - Flag: held-out accuracy 96.50% is high."), text);
    }

    @Test
    void aVerifiedUnflaggedQ2AddsNothingAndAFailedOneIsShownOnceUnderWhatToFix() {
        String verified = render(q2(40), new HeldOutScore(91.0, true, "verified", List.of()));
        assertFalse(verified.contains("For the course staff") || verified.contains("== Q2"), verified);
        String failed = render(q2(0), new HeldOutScore(70.0, false, "my_model.pt could not be evaluated", List.of()));
        assertTrue(failed.contains("What to fix"), failed);
        assertTrue(failed.indexOf("== Q2 held-out accuracy") == failed.lastIndexOf("== Q2 held-out accuracy"), failed);
    }
}
