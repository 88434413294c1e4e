package edu.mlcourse.hw5.grader.insights;

import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.batch.SubmissionRecord;
import edu.mlcourse.hw5.grader.insights.changes.GradeChange;
import edu.mlcourse.hw5.grader.insights.changes.GradeChanges;
import edu.mlcourse.hw5.grader.insights.heldout.ClassHeldOut;
import edu.mlcourse.hw5.grader.insights.mistakes.ClassMistakes;
import edu.mlcourse.hw5.grader.insights.similarity.PairFinder;
import java.io.IOException;
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
 * @param changes every grade a regrade changed, and every regrade that failed, by id
 */
public record BatchInsights(List<SubmissionRow> submissions, ClassMistakes mistakes, ClassHeldOut heldOut,
                            PairFinder.Result pairs, List<Q2ToVerify> q2ToVerify, List<GradeChange> changes) {
    public BatchInsights {
        submissions = List.copyOf(submissions);
        q2ToVerify = List.copyOf(q2ToVerify);
        changes = List.copyOf(changes);
    }

    /** Insights without grade changes (a batch graded once). */
    public BatchInsights(List<SubmissionRow> submissions, ClassMistakes mistakes, ClassHeldOut heldOut,
                         PairFinder.Result pairs, List<Q2ToVerify> q2ToVerify) {
        this(submissions, mistakes, heldOut, pairs, q2ToVerify, List.of());
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

    public static BatchInsights of(ResultStore store, ResultStore.Contents contents, Settings settings)
            throws IOException {
        List<SubmissionRow> rows = new ArrayList<>();
        Map<String, Evidence> evidence = new TreeMap<>();
        List<Double> accuracies = new ArrayList<>();
        Map<String, int[]> predictions = new LinkedHashMap<>();
        List<Q2ToVerify> toVerify = new ArrayList<>();
        for (ResultStore.Graded graded : contents.graded()) {
            SubmissionRecord record = graded.record();
            Optional<Double> accuracy = record.accuracy();
            accuracy.ifPresent(accuracies::add);
            Optional<HeldOutScore> q2 = record.heldOut();
            q2.filter(h -> !h.verified() || !h.flags().isEmpty()).ifPresent(h -> toVerify.add(new Q2ToVerify(graded.id(), h)));
            Map<String, Score> functions = new LinkedHashMap<>();
            record.functions().forEach((name, score) -> functions.put(name, new Score(score.points(), score.max())));
            rows.add(new SubmissionRow(graded.id(), State.GRADED, Optional.of(new Score(record.total().points(),
                    record.total().max())), functions, accuracy, true, q2.map(HeldOutScore::verified)));
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
                PairFinder.find(evidence, labels, settings.thresholds(), settings.ignoredSources()), toVerify,
                GradeChanges.of(store, contents));
    }
}
