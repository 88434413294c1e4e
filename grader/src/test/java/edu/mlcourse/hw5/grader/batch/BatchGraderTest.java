package edu.mlcourse.hw5.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.console.ProgressBar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch machinery with a stand-in for the pipeline, so failures can be staged and timed. */
class BatchGraderTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();

    private ProgressBar bar(int total) {
        return new ProgressBar("grading", total, new PrintStream(progressBytes, true, StandardCharsets.UTF_8), false,
                System::nanoTime);
    }

    private static GradeReport report(Path submission, double score, List<String> graderErrors) {
        return new GradeReport(submission.toString(), List.of(new TestResult("Q1", score, 10, "", "visible", List.of())),
                List.of(), Optional.empty(), graderErrors, 0.1);
    }

    private static List<BatchSubmission> submissions(String... ids) {
        return Arrays.stream(ids).map(id -> new BatchSubmission(id, Path.of("subs", id))).toList();
    }

    @Test
    void gradesEverySubmissionOnSeveralThreadsAndSavesEachOne() throws Exception {
        ResultStore store = new ResultStore(dir);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        BatchGrader grader = new BatchGrader(submission -> {
            threads.add(Thread.currentThread().getName());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return report(submission, submission.getFileName().toString().length(), List.of());
        }, store, 3, System::nanoTime);
        List<BatchSubmission> all = IntStream.range(0, 12).mapToObj(i -> "s" + "x".repeat(i))
                .map(id -> new BatchSubmission(id, Path.of("subs", id))).toList();

        BatchGrader.Outcome outcome = grader.run(all, bar(all.size()));

        assertEquals(new BatchGrader.Outcome(12, List.of()), outcome);
        assertEquals(3, mostAtOnce.get());
        assertEquals(3, threads.size(), threads::toString);
        for (BatchSubmission s : all) {
            assertTrue(store.isDone(s.id()));
        }
        assertEquals(4.0, new ResultStore(dir).readAll().graded().stream()
                .filter(g -> g.id().equals("sxxx")).findFirst().orElseThrow().results().score());
        assertTrue(progressBytes.toString(StandardCharsets.UTF_8).contains("grading [####################] 100% 12/12 in "));
    }

    @Test
    void aSubmissionTheGraderFailsOnGetsAnErrorFileNoResultsAndIsRetriedByTheNextRun() throws Exception {
        ResultStore store = new ResultStore(dir);
        BatchGrader failing = new BatchGrader(submission -> switch (submission.getFileName().toString()) {
            case "crash" -> throw new IllegalStateException("javac blew up");
            case "partial" -> report(submission, 3, List.of("the JUnit launcher failed: boom"));
            default -> report(submission, 10, List.of());
        }, store, 2, System::nanoTime);

        BatchGrader.Outcome first = failing.run(submissions("crash", "ok", "partial"), bar(3));

        assertEquals(1, first.graded());
        assertEquals(List.of(new BatchGrader.Failure("crash", List.of("java.lang.IllegalStateException: javac blew up")),
                new BatchGrader.Failure("partial", List.of("the JUnit launcher failed: boom"))),
                first.failures().stream().sorted(Comparator.comparing(BatchGrader.Failure::id)).toList());
        assertFalse(Files.exists(store.resultsFile("partial")), "a score the grader could not finish is not saved");
        assertTrue(Files.exists(store.errorFile("crash")));
        assertEquals(2, store.readAll().ungraded().size());

        BatchGrader fixed = new BatchGrader(submission -> report(submission, 10, List.of()), store, 2, System::nanoTime);
        List<BatchSubmission> retry = submissions("crash", "ok", "partial").stream()
                .filter(s -> !store.isDone(s.id())).toList();
        assertEquals(List.of("crash", "partial"), retry.stream().map(BatchSubmission::id).toList());
        assertEquals(new BatchGrader.Outcome(2, List.of()), fixed.run(retry, bar(2)));
        assertEquals(3, store.readAll().graded().size());
        assertFalse(Files.exists(store.errorFile("crash")));
    }

    @Test
    void badGraderDataStopsTheRunWithItsMessage() {
        ResultStore store = new ResultStore(dir);
        BatchGrader grader = new BatchGrader(submission -> {
            throw new CourseDataException("Checksum mismatch for hidden/reluForward.json");
        }, store, 2, System::nanoTime);
        CourseDataException thrown = assertThrows(CourseDataException.class, () -> grader.run(submissions("a", "b", "c"), bar(3)));
        assertEquals("Checksum mismatch for hidden/reluForward.json", thrown.getMessage());
        assertFalse(Files.exists(store.errorFile("a")), "bad grader data is not the submission's error");
    }
}
