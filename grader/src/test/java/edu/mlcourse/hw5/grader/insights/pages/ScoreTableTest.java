package edu.mlcourse.hw5.grader.insights.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoreTableTest {
    private static ResultStore.Graded graded(String id, TestResult... tests) {
        GradeReport report = new GradeReport(id, List.of(tests), List.of(), Optional.empty(), List.of(), 1);
        return new ResultStore.Graded(id, GradescopeResults.of(report, ""));
    }

    private static TestResult test(String name, double score, double max) {
        return new TestResult(name, score, max, "", "visible", List.of());
    }

    @Test
    void aRowPerSubmissionAColumnPerTestInReportOrderAndTheTotal() {
        ResultStore.Contents contents = new ResultStore.Contents(List.of(
                graded("alice", test("Q1 a: public cases", 5, 5), test("Q1 a: gradient check", 2.5, 4)),
                graded("bob", test("Q1 a: public cases", 1.6667, 5), test("Q1 a: gradient check", 0, 4),
                        test("Q2 held-out accuracy", 40, 40))),
                List.of(new ResultStore.Ungraded("carol", "the grader failed", true)));
        assertEquals("submission,status,Q1 a: public cases,Q1 a: gradient check,Q2 held-out accuracy,total,Q2 verified,"
                + "Q2 to verify\r\n"
                + "alice,graded,5,2.5,,7.5,,\r\n"
                + "bob,graded,1.6667,0,40,41.6667,,\r\n"
                + "carol,not graded,,,,,,\r\n", ScoreTable.render(contents));
    }

    private static TestResult tagged(String name, double score, double max, String... tags) {
        return new TestResult(name, score, max, "", "visible", List.of(tags));
    }

    @Test
    void bothEditionsShareTheColumnsOfTheSameCheckKnownByItsTagsNotItsTitle() {
        ResultStore.Contents contents = new ResultStore.Contents(List.of(
                graded("java", tagged("Q1 linearForward: public cases", 10, 10, "linearForward", "q1", "public"),
                        tagged("Q1 linearForward: hidden cases", 10, 10, "linearForward", "q1", "hidden"),
                        tagged("Q2 held-out accuracy", 40, 40, "heldout", "q2")),
                graded("python", tagged("Q1 linear_forward: public cases", 4, 10, "linear_forward", "linearForward", "q1",
                        "public"), tagged("Q1 linear_forward: hidden cases", 3, 10, "linear_forward", "linearForward",
                        "q1", "hidden"), tagged("Q2 held-out accuracy", 20, 40, "heldout", "q2"))),
                List.of());
        assertEquals("submission,status,Q1 linearForward: public cases,Q1 linearForward: hidden cases,"
                + "Q2 held-out accuracy,total,Q2 verified,Q2 to verify\r\n"
                + "java,graded,10,10,40,60,,\r\n"
                + "python,graded,4,3,20,27,,\r\n", ScoreTable.render(contents));
        // A title reworded by a later grader is still the same check.
        assertEquals("q1/softmaxBackward/gradient", ScoreTable.column(GradescopeResults.of(new GradeReport("s",
                List.of(tagged("Q1 softmax_backward: finite differences", 1, 4, "softmax_backward", "softmaxBackward",
                        "q1", "gradient")), List.of(), Optional.empty(), List.of(), 1), "").tests().get(0)));
    }

    @Test
    void eachRowSaysWhetherQ2IsVerifiedAndWhyNot() {
        TestResult q2 = test("Q2 held-out accuracy", 40, 40);
        ResultStore.Graded verified = new ResultStore.Graded("ann", GradescopeResults.of(new GradeReport("ann",
                List.of(q2), List.of(), Optional.of(new HeldOutScore(91.5, true, "my_model.pt reproduces it", List.of())),
                List.of(), 1), ""));
        ResultStore.Graded unverified = new ResultStore.Graded("ben", GradescopeResults.of(new GradeReport("ben",
                List.of(q2), List.of(), Optional.of(new HeldOutScore(100, false, "there is no model file (my_model.pt)",
                        List.of("held-out accuracy 100.00% is above 95%"))), List.of(), 1), ""));
        assertEquals("submission,status,Q2 held-out accuracy,total,Q2 verified,Q2 to verify\r\n"
                + "ann,graded,40,40,yes,\r\n"
                + "ben,graded,40,40,no,there is no model file (my_model.pt). Flag: held-out accuracy 100.00% is above 95%.\r\n",
                ScoreTable.render(new ResultStore.Contents(List.of(verified, unverified), List.of())));
    }

    @Test
    void fieldsAreQuotedAsRfc4180SaysAndFormulasAreDefused() {
        assertEquals("plain", ScoreTable.field("plain"));
        assertEquals("\"smith, jo\"", ScoreTable.field("smith, jo"));
        assertEquals("\"say \"\"hi\"\"\"", ScoreTable.field("say \"hi\""));
        assertEquals("\"two\nlines\"", ScoreTable.field("two\nlines"));
        assertEquals("'=HYPERLINK(1)", ScoreTable.field("=HYPERLINK(1)"));
        assertEquals("\"'=SUM(A1,B1)\"", ScoreTable.field("=SUM(A1,B1)"));
        assertEquals("-1.5", ScoreTable.field("-1.5"));
    }

    @Test
    void numbersArePlainDecimals() {
        assertEquals("0", ScoreTable.number(0.0));
        assertEquals("100", ScoreTable.number(100.0));
        assertEquals("0.6", ScoreTable.number(0.6));
        assertEquals("33.3333", ScoreTable.number(33.3333));
    }
}
