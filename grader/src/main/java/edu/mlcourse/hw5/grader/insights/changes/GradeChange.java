package edu.mlcourse.hw5.grader.insights.changes;

import java.util.List;
import java.util.Optional;

/**
 * A submission's grade changed between two gradings, or a regrade failed and the last grade stands.
 *
 * @param id the submission
 * @param before when the earlier grade was given, if its results say
 * @param after when the later one was given, if its results say
 * @param oldTotal the earlier total
 * @param newTotal the later total; empty when the regrade failed (the earlier total stands)
 * @param why what changed in between, e.g. {@code resubmitted}, {@code the rubric changed}
 * @param tests the tests whose score changed, in the later results' order (then those dropped)
 */
public record GradeChange(String id, Optional<String> before, Optional<String> after, double oldTotal,
                          Optional<Double> newTotal, String why, List<TestChange> tests) {
    public GradeChange {
        tests = List.copyOf(tests);
    }

    /**
     * One test's score before and after; a side is empty when the test was not in those results.
     */
    public record TestChange(String test, Optional<Double> oldScore, Optional<Double> newScore) {
    }
}
