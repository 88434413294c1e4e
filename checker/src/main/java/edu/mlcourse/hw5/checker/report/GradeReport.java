package edu.mlcourse.hw5.checker.report;

import java.util.List;
import java.util.Optional;

/**
 * A graded submission: every scored test, what applies to the whole submission, and whether
 * grading itself went wrong (which is never the same as scoring zero).
 *
 * <p>A report is in one of two {@linkplain State states}. When the grader failed on any part, the
 * submission has no score at all: the report, results.json and the batch all say "grader failed",
 * and the tests it holds are only what was graded before the failure, for the course staff.
 *
 * @param submission the folder or zip graded, as given
 * @param tests scored tests in report order
 * @param notes messages about the whole submission (ignored files, protections, printed output)
 * @param heldOut Q2's held-out accuracy and whether it is verified, if measured
 * @param graderErrors failures of the grader itself; non-empty means the score may be incomplete
 * @param seconds wall time spent grading
 * @param problems what stopped a part as a whole (Q1 does not compile), each in full: shown once,
 *     above the tests, which refer to it
 * @param evidence what a batch compares between submissions, for the course staff only
 */
public record GradeReport(String submission, List<TestResult> tests, List<String> notes, Optional<HeldOutScore> heldOut,
                          List<String> graderErrors, double seconds, List<String> problems, Evidence evidence) {
    public GradeReport {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
        graderErrors = List.copyOf(graderErrors);
        problems = List.copyOf(problems);
    }

    /** A report without part-wide problems or evidence. */
    public GradeReport(String submission, List<TestResult> tests, List<String> notes, Optional<HeldOutScore> heldOut,
                       List<String> graderErrors, double seconds) {
        this(submission, tests, notes, heldOut, graderErrors, seconds, List.of(), Evidence.NONE);
    }

    /** Whether the submission was graded, or the grader failed on it. */
    public enum State {
        /** Every part was graded: the score is the student's. */
        GRADED,
        /** The grader itself failed on some part: there is no score, and the submission must be graded again. */
        GRADER_FAILED
    }

    public State state() {
        return graderErrors.isEmpty() ? State.GRADED : State.GRADER_FAILED;
    }

    public boolean graderFailed() {
        return state() == State.GRADER_FAILED;
    }

    public double score() {
        return tests.stream().mapToDouble(TestResult::score).sum();
    }

    public double maxScore() {
        return tests.stream().mapToDouble(TestResult::maxScore).sum();
    }
}
