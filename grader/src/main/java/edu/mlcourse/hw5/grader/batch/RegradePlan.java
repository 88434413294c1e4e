package edu.mlcourse.hw5.grader.batch;

import edu.mlcourse.hw5.checker.report.GradedWith;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which submissions of a batch to grade, and why: those without results, those the grader failed
 * on, and those whose results were graded from other inputs than now (their fingerprint differs:
 * resubmitted, another rubric, vectors, held-out set, grader version or scoring options). The rest
 * keep their results. With {@code force}, every one is graded again.
 *
 * @param grade what to grade, each with the fingerprint to record
 * @param reasons why each is graded, by id, e.g. {@code resubmitted}, {@code because the rubric changed}
 * @param kept how many keep their results
 */
public record RegradePlan(List<BatchSubmission> grade, Map<String, String> reasons, int kept) {
    public static final String NEW = "new";
    public static final String FORCED = "because of --force";
    public static final String FAILED_BEFORE = "because the grader failed on them before";
    public static final String DAMAGED = "because their results are damaged";
    public static final String UNRECORDED = "because their results do not record what graded them (an older grader)";

    public RegradePlan {
        grade = List.copyOf(grade);
        reasons = Map.copyOf(reasons);
    }

    /**
     * @param inputs what grades every submission this run ({@link GradingInputs#common}); each
     *     submission's own files are added here
     */
    public static RegradePlan of(List<BatchSubmission> found, ResultStore store, GradedWith.Fingerprint inputs,
                                 boolean force) {
        List<BatchSubmission> grade = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        int kept = 0;
        for (BatchSubmission submission : found) {
            GradedWith.Fingerprint fingerprint = inputs.withSubmission(GradingInputs.submission(submission.source()));
            Optional<String> reason = force ? Optional.of(FORCED) : reason(store, submission.id(), fingerprint);
            if (reason.isPresent()) {
                grade.add(submission.with(fingerprint));
                reasons.put(submission.id(), reason.get());
            } else {
                kept++;
            }
        }
        return new RegradePlan(grade, reasons, kept);
    }

    /** Why a submission must be graded with these inputs; empty when its results still stand. */
    static Optional<String> reason(ResultStore store, String id, GradedWith.Fingerprint fingerprint) {
        Optional<GradescopeResults> results = store.results(id);
        if (results.isEmpty()) {
            return Optional.of(Files.exists(store.errorFile(id)) ? FAILED_BEFORE
                    : Files.exists(store.resultsFile(id)) ? DAMAGED : NEW);
        }
        if (results.get().graderFailed()) {
            return Optional.of(FAILED_BEFORE);
        }
        Optional<GradedWith.Fingerprint> before = results.get().gradedWith().map(GradedWith::fingerprint);
        if (before.isEmpty()) {
            return Optional.of(UNRECORDED);
        }
        List<GradedWith.Change> changes = fingerprint.changesFrom(before.get());
        return changes.isEmpty() ? Optional.empty() : Optional.of(describe(changes));
    }

    /** {@code resubmitted}, {@code resubmitted and the rubric changed}, {@code because the rubric changed}. */
    static String describe(List<GradedWith.Change> changes) {
        if (changes.get(0) == GradedWith.Change.SUBMISSION) {
            return changes.size() == 1 ? "resubmitted"
                    : "resubmitted, and " + GradedWith.Change.reasons(changes.subList(1, changes.size()));
        }
        return "because " + GradedWith.Change.reasons(changes);
    }

    /** E.g. {@code 3 resubmitted, 120 because the rubric changed}: how many for each reason, most first. */
    public String summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        grade.forEach(s -> counts.merge(reasons.get(s.id()), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getValue() + " " + e.getKey()));
        return String.join(", ", parts);
    }
}
