package edu.mlcourse.hw5.grader.insights.changes;

import edu.mlcourse.hw5.checker.report.GradedWith;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every grade change in a batch's output folder: for each submission, its history and its current
 * results in order, and each step that changed a score; and each regrade the grader failed on,
 * whose submission kept its last grade. Reads the store only.
 */
public final class GradeChanges {
    static final String SAME_INPUTS = "graded again with the same inputs";
    static final String UNRECORDED = "graded again (the earlier grade does not record what graded it)";
    private static final double EPSILON = 1e-9;

    private GradeChanges() {
    }

    /** The changes, by submission id, then oldest first. */
    public static List<GradeChange> of(ResultStore store, ResultStore.Contents contents) throws IOException {
        List<GradeChange> changes = new ArrayList<>();
        for (ResultStore.Graded graded : contents.graded()) {
            List<GradescopeResults> versions = new ArrayList<>();
            store.history(graded.id()).forEach(earlier -> versions.add(earlier.results()));
            versions.add(graded.results());
            for (int i = 1; i < versions.size(); i++) {
                between(graded.id(), versions.get(i - 1), versions.get(i)).ifPresent(changes::add);
            }
            graded.regradeFailure().ifPresent(failure -> changes.add(new GradeChange(graded.id(),
                    gradedAt(graded.results()), Optional.empty(), graded.results().score(), Optional.empty(),
                    "a regrade failed (" + failure + "); this grade stands until one succeeds", List.of())));
        }
        changes.sort(Comparator.comparing(GradeChange::id));
        return changes;
    }

    /** What changed from {@code before} to {@code after}; empty when no score did. */
    static Optional<GradeChange> between(String id, GradescopeResults before, GradescopeResults after) {
        Map<String, Double> old = scores(before);
        Map<String, Double> now = scores(after);
        List<GradeChange.TestChange> tests = new ArrayList<>();
        now.forEach((test, score) -> {
            Double was = old.get(test);
            if (was == null || Math.abs(was - score) > EPSILON) {
                tests.add(new GradeChange.TestChange(test, Optional.ofNullable(was), Optional.of(score)));
            }
        });
        old.forEach((test, score) -> {
            if (!now.containsKey(test)) {
                tests.add(new GradeChange.TestChange(test, Optional.of(score), Optional.empty()));
            }
        });
        if (tests.isEmpty() && Math.abs(before.score() - after.score()) <= EPSILON) {
            return Optional.empty();
        }
        return Optional.of(new GradeChange(id, gradedAt(before), gradedAt(after), before.score(),
                Optional.of(after.score()), why(before, after), tests));
    }

    /** What differs between the inputs of two gradings, as the batch said when it regraded. */
    static String why(GradescopeResults before, GradescopeResults after) {
        Optional<GradedWith> was = before.gradedWith();
        Optional<GradedWith> now = after.gradedWith();
        if (was.isEmpty() || now.isEmpty() || was.get().fingerprint() == null || now.get().fingerprint() == null) {
            return UNRECORDED;
        }
        List<GradedWith.Change> changes = now.get().changesFrom(was.get());
        return changes.isEmpty() ? SAME_INPUTS : GradedWith.Change.reasons(changes);
    }

    private static Map<String, Double> scores(GradescopeResults results) {
        Map<String, Double> scores = new LinkedHashMap<>();
        results.tests().forEach(t -> scores.merge(t.name(), t.score(), Double::sum));
        return scores;
    }

    private static Optional<String> gradedAt(GradescopeResults results) {
        return results.gradedWith().map(GradedWith::gradedAt);
    }
}
