package edu.mlcourse.hw5.grader.batch;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.EnvironmentException;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.console.ProgressBar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Grades submissions on {@code jobs} threads, saving each one's results as soon as it is graded,
 * and reports progress from the calling thread (the progress bar is not thread-safe).
 *
 * <p>Every thread shares one {@link Grading}: {@code GradingPipeline} keeps no per-submission state
 * (each grade gets its own javac task and file manager, its own student JVM, scratch folder and
 * sandbox user id, its own JUnit launcher session and a uniquely keyed context), and its vectors
 * and held-out data load once for the whole batch.
 */
public final class BatchGrader {
    /** Grades one submission: {@code GradingPipeline::grade} outside tests. */
    @FunctionalInterface
    public interface Grading {
        GradeReport grade(Path submission);
    }

    /** What a run did: how many it graded, and the submissions the grader failed on. */
    public record Outcome(int graded, List<Failure> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    /** A submission the grader itself failed on; retried by the next run. */
    public record Failure(String id, List<String> errors) {
    }

    private static final long REDRAW_MILLIS = 200;

    private final Grading grading;
    private final ResultStore store;
    private final int jobs;
    private final LongSupplier clock;

    /** @param clock nanoseconds, for the rate and ETA; {@code System::nanoTime} outside tests */
    public BatchGrader(Grading grading, ResultStore store, int jobs, LongSupplier clock) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        this.grading = grading;
        this.store = store;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Grades every submission. A {@link CourseDataException} or {@link EnvironmentException} means
     * nothing can be graded: the run stops and rethrows it. Any other failure on a submission is
     * recorded as its grader error, and the run goes on.
     *
     * @param progress a bar whose total is {@code submissions.size()}; finished here
     */
    public Outcome run(List<BatchSubmission> submissions, ProgressBar progress) throws InterruptedException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, task -> {
            Thread thread = new Thread(task, "hw5-batch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Set when the run stops (an abort, or the JVM shutting down on Ctrl-C): a grading cut short
        // sees its student JVM die and would report failed checks, so nothing more is saved.
        AtomicBoolean stopping = new AtomicBoolean();
        Thread onShutdown = new Thread(() -> stopping.set(true), "hw5-batch-shutdown");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        try {
            CompletionService<Failure> finished = new ExecutorCompletionService<>(pool);
            for (BatchSubmission submission : submissions) {
                finished.submit(() -> gradeOne(submission, stopping));
            }
            Throughput throughput = new Throughput(clock);
            List<Failure> failures = new ArrayList<>();
            int done = 0;
            while (done < submissions.size()) {
                Future<Failure> next = finished.poll(REDRAW_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    Failure failure = outcomeOf(next);
                    if (failure != null) {
                        failures.add(failure);
                    }
                    done++;
                    throughput.finishedOne();
                }
                progress.update(done, throughput.describe(done, submissions.size()));
            }
            progress.finish(done, throughput.overall(done));
            return new Outcome(done - failures.size(), failures);
        } finally {
            stopping.set(true);
            pool.shutdownNow();
            // Interrupted gradings stop their student JVMs and delete their scratch folders.
            pool.awaitTermination(10, TimeUnit.SECONDS);
            removeHook(onShutdown);
        }
    }

    /**
     * Grades and saves one submission; returns its failure, or null when it was graded or the run
     * is stopping (it stays ungraded, for the next run).
     */
    private Failure gradeOne(BatchSubmission submission, AtomicBoolean stopping) throws IOException {
        List<String> errors;
        try {
            GradeReport report = grading.grade(submission.source());
            if (stopping.get()) {
                return null;
            }
            if (!report.graderFailed()) {
                GradescopeResults results = GradescopeResults.of(report);
                if (submission.fingerprint().isPresent()) {
                    results = results.withGradedWith(GradingInputs.gradedNow(submission.fingerprint().get()));
                }
                store.saveResults(submission.id(), results, report.evidence());
                return null;
            }
            errors = report.graderErrors();
        } catch (CourseDataException | EnvironmentException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            errors = List.of(e.toString());
        }
        if (stopping.get()) {
            return null;
        }
        store.saveError(submission.id(), new GraderError(submission.source().toString(), errors));
        return new Failure(submission.id(), errors);
    }

    private static Failure outcomeOf(Future<Failure> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof IOException io
                    ? new UncheckedIOException("cannot save a submission's results in the output folder: " + io, io)
                    : new IllegalStateException(cause);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook has run or is running.
        }
    }
}
