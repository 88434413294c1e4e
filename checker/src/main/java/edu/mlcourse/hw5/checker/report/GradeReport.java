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
 * @param accuracy the held-out accuracy in percent, for the leaderboard, if measured
 * @param graderErrors failures of the grader itself; non-empty means the score may be incomplete
 * @param seconds wall time spent grading
 */
public record GradeReport(String submission, List<TestResult> tests, List<String> notes, Optional<Double> accuracy,
                          List<String> graderErrors, double seconds) {
    public GradeReport {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
        graderErrors = List.copyOf(graderErrors);
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
