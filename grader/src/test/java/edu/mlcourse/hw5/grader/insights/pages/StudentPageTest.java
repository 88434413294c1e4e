package edu.mlcourse.hw5.grader.insights.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudentPageTest {
    private static GradescopeResults results(List<GradescopeResults.Test> tests) {
        return new GradescopeResults(3, 1.2, "Score 3 / 10. <b>note</b>", "text", "hidden", tests,
                List.of(new GradescopeResults.LeaderboardEntry("Held-out accuracy (%)", 88.5, "desc")),
                new GradescopeResults.ExtraData(GradescopeResults.GRADED, List.of()));
    }

    @Test
    void showsTheFeedbackEscapedButNotTheHiddenCasesValues() {
        String page = StudentPage.render("<alice>", results(List.of(
                new GradescopeResults.Test("Q1 reluForward: public cases", 3, 5, "failed", "expected 1.5, got <script>",
                        "text", List.of("reluForward", "q1", "public"), "visible", 1),
                new GradescopeResults.Test("Q1 reluForward: hidden cases", 0, 5, "failed", "expected 0.123456, got 7",
                        "text", List.of("reluForward", "q1", "hidden"), "after_due_date", 2,
                        new GradescopeResults.TestExtraData(List.of("reluMask"), "hidden case n1_k1")),
                new GradescopeResults.Test("Q1 softmaxForward: hidden cases", 5, 5, "passed", "10 of 10 cases passed.",
                        "text", List.of("softmaxForward", "q1", "hidden"), "after_due_date", 3))));
        assertTrue(page.contains("expected 1.5, got &lt;script&gt;"), page);
        assertFalse(page.contains("<script"), "no script on a student's page, and nothing unescaped");
        assertFalse(page.contains("0.123456"), "hidden cases' expected values never appear");
        assertTrue(page.contains("10 of 10 cases passed."), "a passed hidden test quotes no value: shown");
        assertTrue(page.contains("Named mistake: reluMask"));
        assertTrue(page.contains("First failing check: hidden case n1_k1"));
        assertTrue(page.contains("Shown to the student after the due date."));
        assertTrue(page.contains("<h1>&lt;alice&gt;</h1>"));
        assertTrue(page.contains("Score 3 / 10. &lt;b&gt;note&lt;/b&gt;"));
        assertTrue(page.contains("Held-out accuracy (%): 88.5"));
    }

    @Test
    void aGraderFailureSaysThereIsNoScore() {
        GradescopeResults failed = new GradescopeResults(0, 1, "GRADER FAILED", "text", "hidden", List.of(), null,
                new GradescopeResults.ExtraData(GradescopeResults.GRADER_FAILED, List.of("Q1: boom")));
        String page = StudentPage.render("bob", failed);
        assertTrue(page.contains("The grader failed on this submission: it has no score."));
        assertTrue(page.contains("Q1: boom"));
        assertFalse(page.contains("Total:"));
    }
}
