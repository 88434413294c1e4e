package edu.mlcourse.hw5.grader.sandbox;

import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.contract.Q1Function;
import java.util.List;
import java.util.stream.Collectors;

/** A graded report and how long grading took, with per-function views for assertions. */
record Graded(GradeReport report, double seconds) {
    List<TestResult> tests(Q1Function function) {
        return report.tests().stream().filter(t -> t.tags().contains(function.methodName())).toList();
    }

    boolean allPassed(Q1Function function) {
        List<TestResult> tests = tests(function);
        return !tests.isEmpty() && tests.stream().allMatch(TestResult::passed);
    }

    boolean noneScored(Q1Function function) {
        List<TestResult> tests = tests(function);
        return !tests.isEmpty() && tests.stream().allMatch(t -> t.score() == 0);
    }

    /** The feedback of every failed test of the function. */
    String feedback(Q1Function function) {
        return tests(function).stream().filter(t -> !t.passed()).map(TestResult::output).collect(Collectors.joining("\n"));
    }

    String notes() {
        return String.join("\n", report.notes());
    }

    /** Everything the report says, for failure messages. */
    String describe() {
        return report.tests().stream().map(t -> (t.passed() ? "PASS " : "FAIL ") + t.name()
                + (t.passed() ? "" : "\n    " + t.output().replace("\n", "\n    "))).collect(Collectors.joining("\n"))
                + "\nNOTES\n" + notes() + "\nERRORS " + report.graderErrors() + "\nseconds " + seconds;
    }
}
