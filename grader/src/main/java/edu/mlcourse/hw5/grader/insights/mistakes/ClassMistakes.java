package edu.mlcourse.hw5.grader.insights.mistakes;

import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.scoring.Q1Scorer;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.vectors.Mistake;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the class got wrong in Q1, read from the structured {@code extra_data} of each test in the
 * results (never from the feedback text): for each function, how many submissions made each named
 * mistake, and how many failed it with no named mistake, grouped by their first failing check.
 *
 * @param graded the graded submissions the shares are of
 * @param functions one entry per Q1 function, in the contract's order
 */
public record ClassMistakes(int graded, List<FunctionMistakes> functions) {
    /** Example ids shown per row. */
    static final int EXAMPLES = 3;

    public ClassMistakes {
        functions = List.copyOf(functions);
    }

    /** A function's rows: named mistakes first, then unexplained failures, each most frequent first. */
    public record FunctionMistakes(String function, List<Row> rows) {
        public FunctionMistakes {
            rows = List.copyOf(rows);
        }
    }

    /**
     * @param mistake the named mistake's id ({@code dWDividedByN}); empty for failures no named mistake explains
     * @param what the mistake's hint in a sentence, or the first failing check of the unexplained failures
     * @param submissions the ids, sorted
     */
    public record Row(Optional<String> mistake, String what, List<String> submissions, double share) {
        public Row {
            submissions = List.copyOf(submissions);
        }

        public int count() {
            return submissions.size();
        }

        public List<String> examples() {
            return submissions.subList(0, Math.min(EXAMPLES, submissions.size()));
        }
    }

    public static ClassMistakes of(List<ResultStore.Graded> graded) {
        List<FunctionMistakes> functions = new ArrayList<>();
        for (Q1Function function : Q1Function.values()) {
            Map<String, List<String>> named = new TreeMap<>();
            Map<String, List<String>> unexplained = new TreeMap<>();
            for (ResultStore.Graded submission : graded) {
                List<GradescopeResults.Test> tests = submission.results().tests().stream()
                        .filter(t -> t.tags() != null && t.tags().contains(function.methodName())).toList();
                Set<String> mistakes = new LinkedHashSet<>();
                Optional<String> firstFailure = Optional.empty();
                for (GradescopeResults.Test test : tests) {
                    if (test.extraData() == null || "passed".equals(test.status())) {
                        continue;
                    }
                    if (test.extraData().mistakes() != null) {
                        mistakes.addAll(test.extraData().mistakes());
                    }
                    if (firstFailure.isEmpty()) {
                        firstFailure = Optional.ofNullable(test.extraData().firstFailure());
                    }
                }
                mistakes.forEach(m -> named.computeIfAbsent(m, k -> new ArrayList<>()).add(submission.id()));
                if (mistakes.isEmpty()) {
                    firstFailure.ifPresent(f -> unexplained.computeIfAbsent(f, k -> new ArrayList<>()).add(submission.id()));
                }
            }
            List<Row> rows = new ArrayList<>();
            named.forEach((id, ids) -> rows.add(row(Optional.of(id), describe(id), ids, graded.size())));
            unexplained.forEach((first, ids) -> rows.add(row(Optional.empty(), Q1Scorer.NOT_RUN.equals(first)
                    ? "No check ran (Q1.java missing or not compiling, or its time ran out)"
                    : "No named mistake; first failing check: " + first, ids, graded.size())));
            rows.sort(Comparator.comparing((Row r) -> r.mistake().isEmpty()).thenComparing(Row::count, Comparator.reverseOrder()));
            functions.add(new FunctionMistakes(function.methodName(), rows));
        }
        return new ClassMistakes(graded.size(), functions);
    }

    private static Row row(Optional<String> mistake, String what, List<String> ids, int graded) {
        List<String> sorted = ids.stream().sorted().toList();
        return new Row(mistake, what, sorted, graded == 0 ? 0 : (double) sorted.size() / graded);
    }

    /** The first sentence of the mistake's hint ("Your dW is the right answer divided by the batch size N."). */
    static String describe(String id) {
        return Mistake.byId(id).map(m -> {
            String hint = m.hint();
            int end = hint.indexOf(". ");
            return end < 0 ? hint : hint.substring(0, end + 1);
        }).orElse(id);
    }

    public boolean isEmpty() {
        return functions.stream().allMatch(f -> f.rows().isEmpty());
    }
}
