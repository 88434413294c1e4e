package edu.mlcourse.hw5.grader.batch;

import edu.mlcourse.hw5.checker.report.GradedWith;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.contract.Q1Function;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A graded submission as the class page, {@code scores.csv} and the gradebook export read it: typed
 * facts from its {@code results.json}, taken from each test's tags and {@code extra_data} and from
 * the results' {@code extra_data}, never from the tests' titles or their order.
 *
 * @param id the submission
 * @param total points earned, and the most there were
 * @param functions each Q1 function's points (all its tests), by method name, in {@link Q1Function} order
 * @param q1 all of Q1's points
 * @param q2 all of Q2's points (held-out accuracy, and the notebook where the rubric gives it points)
 * @param accuracy the held-out accuracy in percent, when measured
 * @param heldOut Q2's accuracy and whether it is verified, when Q2 was scored (results of graders
 *     before verification give only the accuracy)
 * @param hints the named mistakes the checks recognised, in order, each once
 * @param gradedWith what graded it, when the results say
 */
public record SubmissionRecord(String id, Score total, Map<String, Score> functions, Score q1, Score q2,
                               Optional<Double> accuracy, Optional<HeldOutScore> heldOut, List<String> hints, Optional<GradedWith> gradedWith) {
    /** The tag of every Q2 test. */
    public static final String Q2_TAG = "q2";

    public SubmissionRecord {
        functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        hints = List.copyOf(hints);
    }

    /** Points earned of points possible. */
    public record Score(double points, double max) {
        static final Score NONE = new Score(0, 0);

        Score plus(double points, double max) {
            return new Score(this.points + points, this.max + max);
        }
    }

    /** Whether Q2's score is verified; true when Q2 has no such verdict (no score, or results from before verification). */
    public boolean q2Verified() {
        return heldOut.map(HeldOutScore::verified).orElse(true);
    }

    public static SubmissionRecord of(String id, GradescopeResults results) {
        Map<String, Score> functions = new LinkedHashMap<>();
        Score q1 = Score.NONE;
        Score q2 = Score.NONE;
        double max = 0;
        Set<String> hints = new LinkedHashSet<>();
        for (GradescopeResults.Test test : results.tests()) {
            List<String> tags = test.tags() == null ? List.of() : test.tags();
            max += test.maxScore();
            Optional<Q1Function> function = java.util.Arrays.stream(Q1Function.values())
                    .filter(f -> tags.contains(f.methodName())).findFirst();
            if (function.isPresent()) {
                functions.merge(function.get().methodName(), new Score(test.score(), test.maxScore()),
                        (a, b) -> a.plus(b.points(), b.max()));
                q1 = q1.plus(test.score(), test.maxScore());
            } else if (tags.contains(Q2_TAG)) {
                q2 = q2.plus(test.score(), test.maxScore());
            }
            if (test.extraData() != null && test.extraData().mistakes() != null) {
                hints.addAll(test.extraData().mistakes());
            }
        }
        Map<String, Score> ordered = new LinkedHashMap<>();
        for (Q1Function function : Q1Function.values()) {
            Score score = functions.get(function.methodName());
            if (score != null) {
                ordered.put(function.methodName(), score);
            }
        }
        Optional<Double> accuracy = results.q2().map(HeldOutScore::accuracy).or(() -> leaderboardAccuracy(results));
        return new SubmissionRecord(id, new Score(results.score(), max), ordered, q1, q2, accuracy, results.q2(),
                new ArrayList<>(hints), results.gradedWith());
    }

    /** Results from before {@code extra_data.q2} give the accuracy only as their leaderboard entry. */
    private static Optional<Double> leaderboardAccuracy(GradescopeResults results) {
        return results.leaderboard() == null ? Optional.empty()
                : results.leaderboard().stream().findFirst().map(GradescopeResults.LeaderboardEntry::value);
    }
}
