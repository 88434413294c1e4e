package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.TestResult;
import java.util.List;
import java.util.Optional;

/**
 * What grading one part of a submission produced.
 *
 * @param tests scored tests
 * @param notes messages about this part as a whole
 * @param accuracy held-out accuracy in percent, for the leaderboard
 * @param graderErrors failures of the grader itself
 * @param evidence what a batch compares between submissions (staff only)
 */
public record PartResult(List<TestResult> tests, List<String> notes, Optional<Double> accuracy, List<String> graderErrors,
                         Evidence evidence) {
    public PartResult {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
        graderErrors = List.copyOf(graderErrors);
    }

    public PartResult(List<TestResult> tests, List<String> notes, Optional<Double> accuracy, List<String> graderErrors) {
        this(tests, notes, accuracy, graderErrors, Evidence.NONE);
    }
}
