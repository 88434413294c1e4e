package edu.mlcourse.hw5.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradedWith;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.console.ProgressBar;
import edu.mlcourse.hw5.grader.insights.changes.GradeChange;
import edu.mlcourse.hw5.grader.insights.changes.GradeChanges;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a rerun of a batch grades: exactly the submissions whose inputs changed (their files, the
 * rubric, the vectors, the grader), each with its reason; what it keeps; and what it records of the
 * grades it replaced. The pipeline is a stand-in whose score follows the submission's file and a
 * points-per-character "rubric", so regrades show.
 */
class RegradeTest {
    @TempDir
    Path dir;

    private Path submissions;
    private Path vectors;
    private ResultStore store;
    /** Points per character of Q1.java: what the stand-in's "rubric" says. */
    private final AtomicReference<Double> pointsPerChar = new AtomicReference<>(1.0);
    /** The submissions each run graded. */
    private final Map<String, Integer> gradedCount = new ConcurrentHashMap<>();

    @BeforeEach
    void folders() throws IOException {
        submissions = dir.resolve("subs");
        for (String id : List.of("alice", "bob", "carol")) {
            write(id, "x".repeat(id.length()));
        }
        vectors = dir.resolve("vectors");
        Files.createDirectories(vectors.resolve("public"));
        Files.writeString(vectors.resolve("public/manifest.json"), "{\"files\": {\"a.json\": \"1\"}}");
        store = new ResultStore(dir.resolve("out"));
    }

    private void write(String id, String q1) throws IOException {
        Files.createDirectories(submissions.resolve(id));
        Files.writeString(submissions.resolve(id).resolve("Q1.java"), q1);
    }

    private GradedWith.Fingerprint inputs(String grader, Rubric rubric) {
        return GradingInputs.common(grader, rubric, vectors, List.of("public"), dir.resolve("heldout"), "call-timeout 5 s");
    }

    private GradeReport grade(Path submission) {
        gradedCount.merge(submission.getFileName().toString(), 1, Integer::sum);
        try {
            double points = Files.readString(submission.resolve("Q1.java")).length() * pointsPerChar.get();
            return new GradeReport(submission.toString(), List.of(
                    new TestResult("Q1 linearForward: public cases", points, 10, "", "visible", List.of("linearForward")),
                    new TestResult("Q2", 0, 1, "", "visible", List.of())), List.of(), Optional.empty(), List.of(), 0.1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProgressBar bar(int total) {
        return new ProgressBar("grading", total, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false, System::nanoTime);
    }

    /** One run of the batch: plans with these inputs, grades what the plan says; returns the plan. */
    private RegradePlan run(GradedWith.Fingerprint inputs, boolean force) throws Exception {
        gradedCount.clear();
        List<BatchSubmission> found = SubmissionScan.scan(submissions, store.folder(), java.util.Set.of()).submissions();
        RegradePlan plan = RegradePlan.of(found, store, inputs, force);
        if (!plan.grade().isEmpty()) {
            new BatchGrader(this::grade, store, 2, System::nanoTime).run(plan.grade(), bar(plan.grade().size()));
        }
        return plan;
    }

    private Map<String, Double> totals() throws IOException {
        Map<String, Double> totals = new HashMap<>();
        store.readAll().graded().forEach(g -> totals.put(g.id(), g.results().score()));
        return totals;
    }

    private static Rubric rubricWithQ2Points(double points) {
        Rubric rubric = Rubric.defaults();
        Rubric.HeldOut q2 = rubric.heldout();
        return new Rubric(rubric.format(), rubric.q1(), new Rubric.HeldOut(points, q2.fullAt(), q2.zeroAt(),
                q2.notebookPoints(), q2.unverified()), rubric.visibility(), rubric.edition(), rubric.similarity());
    }

    @Test
    void eachChangedInputRegradesExactlyTheSubmissionsItAffectsAndSaysWhy() throws Exception {
        GradedWith.Fingerprint v1 = inputs("1.0.0+aaaa", Rubric.defaults());
        RegradePlan first = run(v1, false);
        assertEquals("3 new", first.summary());
        assertEquals(Map.of("alice", 5.0, "bob", 3.0, "carol", 5.0), totals());

        // Nothing changed: nothing is graded, everything kept.
        RegradePlan again = run(v1, false);
        assertEquals(List.of(), again.grade());
        assertEquals(3, again.kept());
        assertEquals(Map.of(), gradedCount);

        // Bob resubmits.
        write("bob", "x".repeat(8));
        RegradePlan resubmitted = run(v1, false);
        assertEquals("1 resubmitted", resubmitted.summary());
        assertEquals(Map.of("bob", 1), gradedCount);
        assertEquals(8.0, totals().get("bob"));
        assertEquals(2, resubmitted.kept());

        // The rubric changes (the stand-in's points follow it): everyone.
        pointsPerChar.set(0.5);
        GradedWith.Fingerprint rubricChanged = inputs("1.0.0+aaaa", rubricWithQ2Points(30));
        RegradePlan rubric = run(rubricChanged, false);
        assertEquals("3 because the rubric changed", rubric.summary());
        assertEquals(Map.of("alice", 1, "bob", 1, "carol", 1), gradedCount);
        assertEquals(Map.of("alice", 2.5, "bob", 4.0, "carol", 2.5), totals());

        // Similarity thresholds change no score: nothing regraded.
        Rubric thresholds = rubricWithQ2Points(30);
        thresholds = new Rubric(thresholds.format(), thresholds.q1(), thresholds.heldout(), thresholds.visibility(),
                thresholds.edition(), new Rubric.Similarity(new Rubric.Similarity.SameWrongOutputs(9, 9),
                thresholds.similarity().predictions(), thresholds.similarity().sources()));
        assertEquals(List.of(), run(inputs("1.0.0+aaaa", thresholds), false).grade());

        // The vector set changes.
        Files.writeString(vectors.resolve("public/manifest.json"), "{\"files\": {\"a.json\": \"2\"}}");
        RegradePlan vectorsChanged = run(inputs("1.0.0+aaaa", rubricWithQ2Points(30)), false);
        assertEquals("3 because the test vectors changed", vectorsChanged.summary());
        assertEquals(3, gradedCount.size());

        // A new grader version, and carol resubmits too.
        write("carol", "y".repeat(5));
        RegradePlan grader = run(inputs("1.0.1+bbbb", rubricWithQ2Points(30)), false);
        assertEquals("resubmitted, and the grader version changed", grader.reasons().get("carol"));
        assertEquals("because the grader version changed", grader.reasons().get("alice"));
        assertEquals("2 because the grader version changed, 1 resubmitted, and the grader version changed",
                grader.summary());

        // --force grades everything again.
        assertEquals("3 because of --force", run(inputs("1.0.1+bbbb", rubricWithQ2Points(30)), true).summary());
        assertEquals(3, gradedCount.size());
    }

    @Test
    void resultsRecordWhatGradedThemAndReplacedGradesAreKeptAndExplained() throws Exception {
        GradedWith.Fingerprint v1 = inputs("1.0.0+aaaa", Rubric.defaults());
        run(v1, false);
        GradescopeResults bob = store.results("bob").orElseThrow();
        GradedWith gradedWith = bob.gradedWith().orElseThrow();
        assertEquals("1.0.0+aaaa", gradedWith.versions().grader());
        assertEquals(GradingInputs.submission(submissions.resolve("bob")), gradedWith.fingerprint().submission());
        assertTrue(gradedWith.gradedAt().endsWith("Z"), gradedWith.gradedAt());
        assertTrue(Files.readString(store.resultsFile("bob")).contains("\"graded_with\""));

        write("bob", "x".repeat(8));
        run(v1, false);
        pointsPerChar.set(0.5);
        run(inputs("1.0.0+aaaa", rubricWithQ2Points(30)), false);

        assertEquals(List.of(3.0, 8.0), store.history("bob").stream().map(e -> e.results().score()).toList());
        List<GradeChange> changes = GradeChanges.of(store, store.readAll());
        List<String> bobs = changes.stream().filter(c -> c.id().equals("bob"))
                .map(c -> c.oldTotal() + " -> " + c.newTotal().orElseThrow() + ": " + c.why()).toList();
        assertEquals(List.of("3.0 -> 8.0: resubmitted", "8.0 -> 4.0: the rubric changed"), bobs);
        GradeChange first = changes.stream().filter(c -> c.id().equals("bob")).findFirst().orElseThrow();
        assertEquals(List.of(new GradeChange.TestChange("Q1 linearForward: public cases", Optional.of(3.0),
                Optional.of(8.0))), first.tests());
        assertEquals(4, changes.size(), "alice and carol changed once (the rubric), bob twice");
    }

    @Test
    void aGraderFailureOnARegradeKeepsTheLastGradeAndIsListed() throws Exception {
        GradedWith.Fingerprint v1 = inputs("1.0.0+aaaa", Rubric.defaults());
        run(v1, false);
        write("bob", "x".repeat(8));
        List<BatchSubmission> found = SubmissionScan.scan(submissions, store.folder(), java.util.Set.of()).submissions();
        RegradePlan plan = RegradePlan.of(found, store, v1, false);
        BatchGrader.Outcome outcome = new BatchGrader(s -> {
            throw new IllegalStateException("the student JVM would not start");
        }, store, 1, System::nanoTime).run(plan.grade(), bar(1));

        assertEquals(1, outcome.failures().size());
        assertEquals(3.0, store.results("bob").orElseThrow().score(), "a grader failure never replaces a grade");
        ResultStore.Graded bob = store.readAll().graded().stream().filter(g -> g.id().equals("bob")).findFirst().orElseThrow();
        assertTrue(bob.regradeFailure().orElseThrow().contains("the student JVM would not start"));
        GradeChange listed = GradeChanges.of(store, store.readAll()).get(0);
        assertEquals("bob", listed.id());
        assertTrue(listed.newTotal().isEmpty());
        assertEquals("resubmitted", RegradePlan.of(found, store, v1, false).reasons().get("bob"), "tried again next run");
    }

    @Test
    void anInterruptedRegradeLeavesEverySubmissionWithItsOldOrItsNewResults() throws Exception {
        for (int i = 0; i < 8; i++) {
            write("s" + i, "x".repeat(2));
        }
        GradedWith.Fingerprint v1 = inputs("1.0.0+aaaa", Rubric.defaults());
        run(v1, false);
        Map<String, String> old = new HashMap<>();
        for (ResultStore.Graded g : store.readAll().graded()) {
            old.put(g.id(), Files.readString(store.resultsFile(g.id())));
        }

        pointsPerChar.set(2.0);
        List<BatchSubmission> found = SubmissionScan.scan(submissions, store.folder(), java.util.Set.of()).submissions();
        RegradePlan plan = RegradePlan.of(found, store, inputs("1.0.1+bbbb", Rubric.defaults()), false);
        assertEquals(found.size(), plan.grade().size());
        CountDownLatch someSaved = new CountDownLatch(3);
        BatchGrader slow = new BatchGrader(s -> {
            someSaved.countDown();
            try {
                Thread.sleep(someSaved.getCount() == 0 ? 60_000 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return grade(s);
        }, store, 2, System::nanoTime);
        Thread run = new Thread(() -> {
            try {
                slow.run(plan.grade(), bar(plan.grade().size()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        run.start();
        assertTrue(someSaved.await(30, TimeUnit.SECONDS));
        Thread.sleep(200);
        run.interrupt();
        run.join(30_000);
        assertFalse(run.isAlive());

        int regraded = 0;
        for (BatchSubmission s : found) {
            String now = Files.readString(store.resultsFile(s.id()));
            GradescopeResults results = store.results(s.id()).orElseThrow(() -> new AssertionError(s.id() + ": " + now));
            if (now.equals(old.get(s.id()))) {
                continue;
            }
            regraded++;
            assertEquals("1.0.1+bbbb", results.gradedWith().orElseThrow().versions().grader());
            assertEquals(1, store.history(s.id()).size(), "the old results are kept");
        }
        assertTrue(regraded > 0 && regraded < found.size(), "interrupted midway: " + regraded);
        try (var files = Files.walk(store.folder())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
        RegradePlan next = RegradePlan.of(found, store, inputs("1.0.1+bbbb", Rubric.defaults()), false);
        assertEquals(found.size() - regraded, next.grade().size(), "the next run grades the rest");
    }
}
