package edu.mlcourse.hw5.checker.scoring;

import edu.mlcourse.hw5.checker.checks.CheckId;
import edu.mlcourse.hw5.checker.checks.CheckLedger;
import edu.mlcourse.hw5.checker.checks.Dialect;
import edu.mlcourse.hw5.checker.report.Points;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.contract.Q1Function;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the ledger into scored tests, one per function and vector set plus one per gradient check.
 * A function's output points are shared equally by all its cases in all sets graded, so each case
 * passed earns its share (partial credit).
 *
 * <p>The gradient check compares a backward function with finite differences of the student's own
 * forward function, so it can only judge the backward when that forward is right and usable. When
 * the forward fails any of its cases, or cannot serve during the check (it times out, crashes,
 * returns something unusable, or computes in single precision so that its finite differences are
 * noise: the check is then inconclusive), the gradient points follow the
 * backward's own vector cases instead: points are lost only where the code is wrong.
 */
public final class Q1Scorer {
    /** Failures shown in full per test; the rest are named. */
    private static final int FAILURES_SHOWN = 4;
    /** The first failure of a function whose checks could not run at all (Q1 does not compile, say). */
    public static final String NOT_RUN = "not run";

    private Q1Scorer() {
    }

    /** @param dialect names the functions as the student's edition does */
    public static List<TestResult> score(CheckLedger ledger, Rubric rubric, Dialect dialect) {
        return score(ledger, rubric, dialect, null);
    }

    /**
     * The same tests, all at zero, each saying {@code reason}: for a Q1 that could not be run at all
     * (it does not compile, say).
     */
    public static List<TestResult> zero(CheckLedger plannedChecks, Rubric rubric, Dialect dialect, String reason) {
        return score(plannedChecks, rubric, dialect, reason);
    }

    private static List<TestResult> score(CheckLedger ledger, Rubric rubric, Dialect dialect, String zeroReason) {
        List<TestResult> results = new ArrayList<>();
        List<CheckLedger.Entry> entries = ledger.entries();
        for (Q1Function function : Q1Function.values()) {
            Rubric.FunctionPoints points = rubric.pointsOf(function);
            String name = dialect.name(function);
            List<CheckLedger.Entry> outputs = entries.stream()
                    .filter(e -> e.id().function() == function && e.id().kind() == CheckId.Kind.OUTPUTS).toList();
            Map<String, List<CheckLedger.Entry>> bySet = new LinkedHashMap<>();
            outputs.forEach(e -> bySet.computeIfAbsent(e.id().set(), s -> new ArrayList<>()).add(e));
            for (Map.Entry<String, List<CheckLedger.Entry>> set : bySet.entrySet()) {
                String title = "Q1 " + name + ": " + set.getKey() + " cases";
                List<String> tags = dialect.tags(function, set.getKey());
                results.add(zeroReason != null
                        ? zeroTest(title, tags, points.outputs() * set.getValue().size() / outputs.size(),
                                rubric.visibility().ofSet(set.getKey()), zeroReason)
                        : test(title, tags, set.getValue(), points.outputs() / outputs.size(),
                                rubric.visibility().ofSet(set.getKey()), "case"));
            }
            List<CheckLedger.Entry> trials = entries.stream()
                    .filter(e -> e.id().function() == function && e.id().kind() == CheckId.Kind.GRADIENT).toList();
            if (trials.isEmpty() || points.gradient() == 0) {
                continue;
            }
            String title = "Q1 " + name + ": gradient check";
            List<String> tags = dialect.tags(function, "gradient");
            if (zeroReason != null) {
                results.add(zeroTest(title, tags, points.gradient(), rubric.visibility().gradient(), zeroReason));
                continue;
            }
            Q1Function forward = function.forward().orElseThrow();
            String forwardName = dialect.name(forward);
            long forwardFailures = entries.stream().filter(e -> e.id().function() == forward
                    && e.id().kind() == CheckId.Kind.OUTPUTS && e.status() != CheckLedger.Status.PASSED).count();
            Optional<CheckLedger.Entry> inconclusive = trials.stream()
                    .filter(e -> e.status() == CheckLedger.Status.INCONCLUSIVE).findFirst();
            if (forwardFailures == 0 && inconclusive.isEmpty()) {
                results.add(test(title, tags, trials, points.gradient() / trials.size(), rubric.visibility().gradient(),
                        "trial"));
                continue;
            }
            // A forward that fails its cases and could not serve either (single precision, say): both are said.
            String why = (forwardFailures > 0
                    ? "The finite-difference check uses your " + forwardName + ", which fails "
                            + forwardFailures + " of its cases, so it cannot judge your " + name + "."
                    : "The finite-difference check uses your " + forwardName + " as its reference, but it could"
                            + " not serve during the check, so the check cannot judge your " + name + ":")
                    + inconclusive.map(e -> "\n" + e.message() + "\n").orElse("");
            long passed = outputs.stream().filter(e -> e.status() == CheckLedger.Status.PASSED).count();
            double score = outputs.isEmpty() ? 0 : points.gradient() * passed / outputs.size();
            results.add(new TestResult(title, Points.round(score), Points.round(points.gradient()),
                    why + " These points follow " + name + "'s own vector cases instead: "
                    + passed + " of " + outputs.size() + " passed.", rubric.visibility().gradient(), tags));
        }
        return results;
    }

    private static TestResult test(String title, List<String> tags, List<CheckLedger.Entry> entries, double each,
                                   String visibility, String unit) {
        long passed = entries.stream().filter(e -> e.status() == CheckLedger.Status.PASSED).count();
        return new TestResult(title, Points.round(passed * each), Points.round(entries.size() * each),
                feedback(entries, passed, unit), visibility, tags, findings(entries));
    }

    private static TestResult zeroTest(String title, List<String> tags, double max, String visibility, String reason) {
        return new TestResult(title, 0, Points.round(max), reason, visibility, tags,
                new TestResult.Findings(List.of(), Optional.of(NOT_RUN)));
    }

    /**
     * The digests of wrong outputs no hint explains, keyed {@code function/set/case}: what a batch
     * compares between submissions (see {@code FailureFacts}).
     */
    public static Map<String, String> wrongOutputs(CheckLedger ledger) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (CheckLedger.Entry entry : ledger.entries()) {
            CheckId id = entry.id();
            entry.facts().wrongOutputDigest().ifPresent(digest -> digests.put(
                    id.function().methodName() + "/" + id.set() + "/" + id.name(), digest));
        }
        return digests;
    }

    /** The named mistakes recognised in the failed checks, and the first check that failed. */
    static TestResult.Findings findings(List<CheckLedger.Entry> entries) {
        List<CheckLedger.Entry> failed = entries.stream().filter(e -> e.status() != CheckLedger.Status.PASSED).toList();
        List<String> mistakes = failed.stream().flatMap(e -> e.facts().mistake().stream()).distinct().toList();
        return new TestResult.Findings(mistakes, failed.stream().findFirst().map(Q1Scorer::describe));
    }

    /** {@code hidden case n5_d2_m3}, {@code gradient trial-2}; a check that never ran says so. */
    private static String describe(CheckLedger.Entry entry) {
        if (entry.status() == CheckLedger.Status.NOT_RUN) {
            return NOT_RUN;
        }
        CheckId id = entry.id();
        return id.kind() == CheckId.Kind.GRADIENT ? "gradient " + id.name() : id.set() + " case " + id.name();
    }

    static String feedback(List<CheckLedger.Entry> entries, long passed, String unit) {
        StringBuilder text = new StringBuilder(passed + " of " + entries.size() + " " + unit + "s passed.");
        List<CheckLedger.Entry> failed = entries.stream().filter(e -> e.status() != CheckLedger.Status.PASSED).toList();
        if (failed.isEmpty()) {
            return text.toString();
        }
        List<String> reasons = failed.stream().map(e -> reasonOnly(e.message())).distinct().toList();
        if (failed.size() > 1 && reasons.size() == 1) {
            // One cause (a missing method, a TODO, a crash) failed every one: say it once.
            text.append(" Every failing ").append(unit).append(" failed the same way:\n").append(failed.get(0).message());
            return text.toString();
        }
        failed = mostExplainedFirst(failed);
        for (int i = 0; i < failed.size(); i++) {
            if (i == FAILURES_SHOWN) {
                text.append("\n\nAlso failed: ").append(failed.subList(i, failed.size()).stream()
                        .map(e -> e.id().name()).reduce((a, b) -> a + ", " + b).orElse("")).append('.');
                break;
            }
            text.append("\n\n").append(failed.get(i).message());
        }
        return text.toString();
    }

    /**
     * The failures whose likely mistake explains the most failing checks first, those that name none
     * last, each group in check order: the named cause is shown even when it is not the first case's.
     * {@code check.py}'s {@code most_explained_first} is its twin.
     */
    static List<CheckLedger.Entry> mostExplainedFirst(List<CheckLedger.Entry> failed) {
        Map<String, Long> counts = failed.stream().map(e -> likelyMistake(e.message())).filter(h -> !h.isEmpty())
                .collect(java.util.stream.Collectors.groupingBy(h -> h, java.util.stream.Collectors.counting()));
        return failed.stream().sorted(java.util.Comparator.comparingLong(
                (CheckLedger.Entry e) -> -counts.getOrDefault(likelyMistake(e.message()), 0L))).toList();
    }

    private static String likelyMistake(String message) {
        int at = message.indexOf("Likely mistake: ");
        if (at < 0) {
            return "";
        }
        int end = message.indexOf('\n', at);
        return end < 0 ? message.substring(at) : message.substring(at, end);
    }

    /** The message without its first line (which names the case), to spot failures with one cause. */
    private static String reasonOnly(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(newline + 1);
    }
}
