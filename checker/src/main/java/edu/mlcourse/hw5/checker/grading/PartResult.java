package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.report.TestResult;
import java.util.List;
import java.util.Optional;

/**
 * What grading one part of a submission produced.
 *
 * @param tests scored tests
 * @param notes messages about this part as a whole
 * @param heldOut Q2's held-out accuracy and whether it is verified, for the leaderboard and the staff
 * @param graderErrors failures of the grader itself
 * @param problem what stopped the part as a whole (Q1 does not compile), in full: reports show it
 *     once, above the tests, which refer to it
 * @param evidence what a batch compares between submissions (staff only)
 */
public record PartResult(List<TestResult> tests, List<String> notes, Optional<HeldOutScore> heldOut, List<String> graderErrors,
                         Optional<String> problem, Evidence evidence) {
    public PartResult {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
        graderErrors = List.copyOf(graderErrors);
    }

    /** A part without a problem of its own or evidence. */
    public PartResult(List<TestResult> tests, List<String> notes, Optional<HeldOutScore> heldOut, List<String> graderErrors) {
        this(tests, notes, heldOut, graderErrors, Optional.empty(), Evidence.NONE);
    }

    /** A part stopped as a whole, with nothing for a batch to compare. */
    public PartResult(List<TestResult> tests, List<String> notes, Optional<HeldOutScore> heldOut, List<String> graderErrors,
                      Optional<String> problem) {
        this(tests, notes, heldOut, graderErrors, problem, Evidence.NONE);
    }

    /** A part without a problem of its own. */
    public PartResult(List<TestResult> tests, List<String> notes, Optional<HeldOutScore> heldOut, List<String> graderErrors,
                      Evidence evidence) {
        this(tests, notes, heldOut, graderErrors, Optional.empty(), evidence);
    }
}
