package edu.mlcourse.hw5.checker.grading;

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
 */
public record PartResult(List<TestResult> tests, List<String> notes, Optional<Double> accuracy, List<String> graderErrors) {
    public PartResult {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
        graderErrors = List.copyOf(graderErrors);
    }
}
