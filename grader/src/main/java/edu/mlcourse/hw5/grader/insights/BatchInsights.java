package edu.mlcourse.hw5.grader.insights;

import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.insights.heldout.ClassHeldOut;
import edu.mlcourse.hw5.grader.insights.mistakes.ClassMistakes;
import edu.mlcourse.hw5.grader.insights.similarity.PairFinder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What an instructor wants after a deadline, computed from the output folder alone (results and
 * evidence of every submission): where each student stands, what the class got wrong, and which
 * hand-ins to look at twice.
 *
 * @param submissions a row per submission, by id
 * @param mistakes Q1's named mistakes and unexplained failures across the class
 * @param heldOut Q2 across the class
 * @param pairs hand-ins to look at twice
 * @param q2ToVerify the submissions whose Q2 the grader could not verify, or whose accuracy is
 *     worth a look, by id
 */
public record BatchInsights(List<SubmissionRow> submissions, ClassMistakes mistakes, ClassHeldOut heldOut,
                            PairFinder.Result pairs, List<Q2ToVerify> q2ToVerify) {
    public BatchInsights {
        submissions = List.copyOf(submissions);
        q2ToVerify = List.copyOf(q2ToVerify);
    }

    /**
     * A submission whose Q2 score the staff should check: unverified (scored from the predictions
     * file alone, see {@link HeldOutScore}), or flagged for an accuracy worth a look.
     */
    public record Q2ToVerify(String id, HeldOutScore q2) {
    }

    /** Where a submission stands. */
    public enum State {
        GRADED("graded"), GRADER_FAILED("grader failed"), NOT_GRADED("not graded");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Points earned of points possible. */
    public record Score(double points, double max) {
    }

    /**
     * One submission in the per-submission table.
     *
     * @param total the total, when graded
     * @param functions each Q1 function's points (all its tests), by method name, when graded
     * @param accuracy the held-out accuracy in percent, when measured
     * @param page whether {@code <id>/results.html} exists (there are results to show)
     * @param q2Verified whether that accuracy is verified, when the results say (those of graders
     *     before verification do not)
     */
    public record SubmissionRow(String id, State state, Optional<Score> total, Map<String, Score> functions,
                                Optional<Double> accuracy, boolean page, Optional<Boolean> q2Verified) {
        public SubmissionRow {
            functions = Map.copyOf(functions);
        }
    }

    /**
     * What the insights need besides the output folder.
     *
     * @param thresholds when a pair is listed (the rubric's)
     * @param labels the held-out labels, if available (to compare predictions and compute per-class figures)
     * @param ignoredSources source fingerprints never compared (the template)
     */
    public record Settings(Rubric.Similarity thresholds, Supplier<Optional<byte[]>> labels, Set<String> ignoredSources) {
    }

    public static BatchInsights of(ResultStore store, ResultStore.Contents contents, Settings settings) {
        List<SubmissionRow> rows = new ArrayList<>();
        Map<String, Evidence> evidence = new TreeMap<>();
        List<Double> accuracies = new ArrayList<>();
        Map<String, int[]> predictions = new LinkedHashMap<>();
        List<Q2ToVerify> toVerify = new ArrayList<>();
        for (ResultStore.Graded graded : contents.graded()) {
            Optional<Double> accuracy = accuracy(graded.results());
            accuracy.ifPresent(accuracies::add);
            Optional<HeldOutScore> q2 = graded.results().q2();
            q2.filter(h -> !h.verified() || !h.flags().isEmpty()).ifPresent(h -> toVerify.add(new Q2ToVerify(graded.id(), h)));
            rows.add(new SubmissionRow(graded.id(), State.GRADED, Optional.of(new Score(graded.results().score(),
                    graded.results().tests().stream().mapToDouble(GradescopeResults.Test::maxScore).sum())),
                    functionScores(graded.results()), accuracy, true, q2.map(HeldOutScore::verified)));
            store.evidence(graded.id()).ifPresent(e -> {
                evidence.put(graded.id(), e);
                if (e.predictions() != null) {
                    predictions.put(graded.id(), e.predictions());
                }
            });
        }
        for (ResultStore.Ungraded ungraded : contents.ungraded()) {
            rows.add(new SubmissionRow(ungraded.id(), ungraded.graderFailed() ? State.GRADER_FAILED : State.NOT_GRADED,
                    Optional.empty(), Map.of(), Optional.empty(), store.results(ungraded.id()).isPresent(),
                    Optional.empty()));
        }
        rows.sort(Comparator.comparing(SubmissionRow::id));
        Optional<byte[]> labels = evidence.values().stream().anyMatch(e -> e.predictions() != null)
                ? settings.labels().get() : Optional.empty();
        return new BatchInsights(rows, ClassMistakes.of(contents.graded()),
                ClassHeldOut.of(accuracies, predictions, labels),
                PairFinder.find(evidence, labels, settings.thresholds(), settings.ignoredSources()), toVerify);
    }

    private static Optional<Double> accuracy(GradescopeResults results) {
        return results.leaderboard() == null ? Optional.empty()
                : results.leaderboard().stream().findFirst().map(GradescopeResults.LeaderboardEntry::value);
    }

    private static Map<String, Score> functionScores(GradescopeResults results) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (Q1Function function : Q1Function.values()) {
            List<GradescopeResults.Test> tests = results.tests().stream()
                    .filter(t -> t.tags() != null && t.tags().contains(function.methodName())).toList();
            if (!tests.isEmpty()) {
                scores.put(function.methodName(), new Score(tests.stream().mapToDouble(GradescopeResults.Test::score).sum(),
                        tests.stream().mapToDouble(GradescopeResults.Test::maxScore).sum()));
            }
        }
        return scores;
    }
}
