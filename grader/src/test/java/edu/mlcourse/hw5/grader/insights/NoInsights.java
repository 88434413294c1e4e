package edu.mlcourse.hw5.grader.insights;

import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.grader.insights.heldout.ClassHeldOut;
import edu.mlcourse.hw5.grader.insights.mistakes.ClassMistakes;
import edu.mlcourse.hw5.grader.insights.similarity.PairFinder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Insights with nothing in them, for tests of the summaries' other sections. */
public final class NoInsights {
    public static final Rubric.Similarity THRESHOLDS = Rubric.defaults().similarity();

    private NoInsights() {
    }

    public static BatchInsights of() {
        return withQ2ToVerify(List.of());
    }

    /** Nothing but these submissions whose Q2 is to verify. */
    public static BatchInsights withQ2ToVerify(List<BatchInsights.Q2ToVerify> toVerify) {
        return new BatchInsights(List.of(), ClassMistakes.of(List.of()), ClassHeldOut.of(List.of(), Map.of(), Optional.empty()),
                new PairFinder.Result(List.of(), List.of()), toVerify);
    }
}
