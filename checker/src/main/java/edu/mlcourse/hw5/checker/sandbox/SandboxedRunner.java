package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.protocol.Codec;
import edu.mlcourse.hw5.protocol.ProtocolException;
import edu.mlcourse.hw5.protocol.Wire;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the submission's code in a separate, limited worker process, the student JVM or the
 * student's Python (see {@link WorkerProgram}, {@link WorkerLauncher} and {@link Isolation}), through
 * the worker protocol (worker/PROTOCOL.md). One worker serves all calls; after it dies, times out or
 * hits a fatal error, a fresh one is started for the next call. The grading process never loads
 * student code. This is the one implementation of the grader's side of the conversation, whatever
 * the edition.
 *
 * <p>A function that times out, or ends the worker twice, is not called again: its remaining
 * checks fail at once, so one endless loop costs one time limit instead of the whole budget and
 * the other functions are still graded.
 *
 * <p>Time limits count what the student code costs, not what the machine is doing: each call may
 * compute for the call timeout (CPU time) and is stopped sooner only when it is mostly waiting (see
 * {@link CallLimit}), and the submission's budget adds up the time spent in calls, not the time
 * spent starting JVMs.
 */
public final class SandboxedRunner implements Q1Runner {
    private static final int MAX_STARTS = 25;
    /** Deaths of the worker a function may cause before its remaining checks are skipped. */
    private static final int DEATHS_ALLOWED = 2;
    private static final int OUTPUT_LIMIT = 10 * 1024;
    /**
     * A response holds at most this many numbers (128 MB in the grader's heap), whatever the student
     * JVM sends; the worker itself refuses more than 4 million per call, and the largest vector case
     * needs about a hundred.
     */
    private static final long RESPONSE_NUMBERS = 16_000_000L;
    private static final long RESPONSE_CHARS = 4L * 1024 * 1024;
    /** How {@code CapturedOutput} ends a chunk it cut. */
    private static final Pattern WORKER_DROP_NOTE = Pattern.compile("\n\\[\\.\\.\\. (\\d+) more bytes of output not shown]\n$");

    private Map<String, byte[]> code;
    private final WorkerLauncher launcher;
    private final WorkerVocabulary words;
    private final Path scratch;
    /** Elapsed time spent waiting on the student code so far (less time it was queued for a core), counted against the budget. */
    private long budgetUsedNanos;
    private final StringBuilder printed = new StringBuilder();
    private long printedDropped;
    private final Map<Q1Function, String> unavailable = new EnumMap<>(Q1Function.class);
    private final Map<Q1Function, String> givenUp = new EnumMap<>(Q1Function.class);
    private final Map<Q1Function, Integer> deaths = new EnumMap<>(Q1Function.class);
    private String classFailure;
    /** Why the code could not be loaded at all (a static initializer that throws, a SyntaxError), if so. */
    private String loadFailure;
    /** Set when the grader itself could not run the code (the worker would not start). */
    private String graderFailure;
    private String runtime;
    private WorkerProcess worker;
    private CompletableFuture<WorkerProcess> starting;
    private int starts;

    /**
     * Starts the worker at once, in the background, so that it boots while the submission
     * compiles; {@link #load} then hands it the code.
     *
     * @param scratch an empty folder that becomes the worker's working folder
     */
    public SandboxedRunner(WorkerLauncher launcher, Path scratch) {
        this.launcher = launcher;
        this.words = launcher.program().vocabulary();
        this.scratch = scratch;
        this.starting = startAsync();
        this.starts = 1;
    }

    /**
     * The submission's code, as the worker loads it: Java, binary class name to class file; Python,
     * module file name to source. Call once before any other method.
     */
    public SandboxedRunner load(Map<String, byte[]> code) {
        this.code = Map.copyOf(code);
        return this;
    }

    private CompletableFuture<WorkerProcess> startAsync() {
        return InBackground.run(() -> {
            try {
                return WorkerProcess.start(launcher, scratch);
            } catch (IOException | WorkerProcess.WorkerStartException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Override
    public Optional<String> graderFailure() {
        return Optional.ofNullable(graderFailure);
    }

    /** Loads the code if it is not yet; why it could not be loaded at all, if so (every check would fail alike). */
    public Optional<String> loadFailure() {
        ensureLoaded();
        return Optional.ofNullable(loadFailure);
    }

    @Override
    public Optional<String> unavailable(Q1Function function) {
        ensureLoaded();
        if (classFailure != null) {
            return Optional.of(classFailure);
        }
        return Optional.ofNullable(unavailable.get(function));
    }

    @Override
    public List<Outcome> call(Q1Function function, List<Object[]> argumentLists) {
        Optional<String> problem = Optional.ofNullable(givenUp.get(function)).or(() -> unavailable(function));
        if (problem.isPresent()) {
            return InProcessRunner.repeat(new Outcome.Unavailable(problem.get()), argumentLists.size());
        }
        if (remaining().isZero() || worker == null) {
            return InProcessRunner.repeat(budgetOrStartFailure(), argumentLists.size());
        }
        CallLimit limit = nextLimit();
        try {
            List<Outcome> outcomes = timed(() -> worker.exchange(
                    out -> Codec.write(out, new Codec.Call(function, argumentLists)),
                    in -> readResults(in, function, argumentLists.size()), limit));
            Optional<Outcome.Threw> fatal = outcomes.stream().filter(o -> o instanceof Outcome.Threw t && t.fatal())
                    .map(Outcome.Threw.class::cast).findFirst();
            if (fatal.isPresent()) {
                retire();
                died(function, "it threw " + fatal.get().summary());
            }
            return outcomes;
        } catch (WorkerProcess.CallTimeout e) {
            retire();
            if (limit.cutByBudget() && remaining().isZero()) {
                return InProcessRunner.repeat(budgetOrStartFailure(), argumentLists.size());
            }
            Outcome.TimedOut timedOut = e.computing() ? new Outcome.TimedOut(limit.cpu().toMillis(), false)
                    : new Outcome.TimedOut(limit.idle().toMillis(), true);
            givenUp.put(function, name(function) + " was not called for this check: it did not finish within "
                    + timedOut.millis() / 1000.0 + " s on an earlier check, so its remaining checks are skipped to"
                    + " leave time for the other functions. Look for an endless loop or a wait that never ends.");
            return InProcessRunner.repeat(timedOut, argumentLists.size());
        } catch (IOException e) {
            String what = e instanceof ProtocolException
                    ? words.process() + " sent a reply the grader refuses (" + e.getMessage() + "): return arrays of"
                            + " the expected size, and leave the grader's channel alone"
                    : words.process() + " ended during the call (" + worker.describeEnd() + ")";
            retire();
            died(function, what);
            return InProcessRunner.repeat(new Outcome.Crashed(what + ". " + words.crashAdvice()), argumentLists.size());
        }
    }

    /**
     * An exchange with the worker, whose elapsed time counts against the budget, less the time its
     * threads were queued for a core: on a machine busy with other work, what the code costs, not
     * what the machine is doing.
     */
    private <T> T timed(Exchange<T> exchange) throws IOException, WorkerProcess.CallTimeout {
        WorkerProcess running = worker;
        long start = System.nanoTime();
        try {
            return exchange.run();
        } finally {
            long queued = running == null ? 0 : running.queuedInLastExchange().toNanos();
            budgetUsedNanos += Math.max(0, System.nanoTime() - start - queued);
        }
    }

    @FunctionalInterface
    private interface Exchange<T> {
        T run() throws IOException, WorkerProcess.CallTimeout;
    }

    private String name(Q1Function function) {
        return words.functionName(function);
    }

    /** What runs the student code, as the worker said in its HELLO ("Python 3.11.2, numpy 1.24.2"), once one ran. */
    public Optional<String> runtime() {
        return Optional.ofNullable(runtime);
    }

    /** Counts a death of the worker against the function; past the allowance it is not called again. */
    private void died(Q1Function function, String how) {
        if (deaths.merge(function, 1, Integer::sum) >= DEATHS_ALLOWED) {
            givenUp.put(function, name(function) + " was not called for this check: it ended " + words.process() + " "
                    + DEATHS_ALLOWED + " times on earlier checks (the last time: " + how + "), so its remaining checks"
                    + " are skipped. " + words.crashAdvice());
        }
    }

    private List<Outcome> readResults(DataInputStream in, Q1Function function, int count) throws IOException {
        Codec.Results results = Codec.readResults(in, function, count, new Wire.Budget(RESPONSE_NUMBERS, RESPONSE_CHARS));
        record(results.output());
        return results.outcomes();
    }

    private Outcome budgetOrStartFailure() {
        if (remaining().isZero()) {
            return new Outcome.Unavailable("the submission's time budget of " + launcher.limits().budget().toSeconds()
                    + " s is used up, so this check was not run. Look for slow or endless loops in the checks that timed out.");
        }
        return new Outcome.Unavailable(classFailure != null ? classFailure : words.process() + " could not be started");
    }

    private Duration remaining() {
        long nanos = launcher.limits().budget().toNanos() - budgetUsedNanos;
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    /** The limit of the next exchange: the per-call limit, or less when the budget runs out first. */
    private CallLimit nextLimit() {
        return CallLimit.of(launcher.limits().callTimeout(), remaining());
    }

    /** Starts a worker and loads the code if none is running. */
    private void ensureLoaded() {
        if (code == null) {
            throw new IllegalStateException("load(code) must be called first");
        }
        if (worker != null || classFailure != null) {
            return;
        }
        if (remaining().isZero()) {
            return;
        }
        if (starting == null) {
            if (++starts > MAX_STARTS) {
                classFailure = words.process() + " had to be restarted " + MAX_STARTS + " times; the remaining checks were"
                        + " not run.";
                return;
            }
            starting = startAsync();
        }
        CallLimit limit = nextLimit();
        try {
            worker = awaitStart();
            runtime = worker.runtime();
            timed(() -> worker.exchange(out -> Codec.write(out, new Codec.Load(code)), this::readLoaded, limit));
        } catch (WorkerProcess.WorkerStartException e) {
            // No student code has run in this worker yet: the failure is the grader's, never a score.
            graderFailure = "the grader could not start the worker that runs the student code: " + e.getMessage();
            classFailure = "The grader could not start " + words.process() + ", so your code was not run; this is the"
                    + " grader's failure, not yours.";
            worker = null;
        } catch (WorkerProcess.CallTimeout e) {
            // Cut short by the budget, the load proves nothing about the class: the budget message follows.
            if (!(limit.cutByBudget() && remaining().isZero())) {
                classFailure = words.loading() + " did not finish within " + (e.computing() ? limit.cpu() : limit.idle())
                        .toMillis() / 1000.0 + " s: " + words.topLevel() + " loops or waits forever.";
                loadFailure = classFailure;
            }
            retire();
        } catch (IOException e) {
            classFailure = words.loading() + " ended " + words.process() + " (" + worker.describeEnd() + "): does "
                    + words.topLevel() + " call " + words.exits() + ", or exhaust memory?";
            loadFailure = classFailure;
            retire();
        }
    }

    private WorkerProcess awaitStart() throws WorkerProcess.WorkerStartException {
        CompletableFuture<WorkerProcess> pending = starting;
        starting = null;
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WorkerProcess.WorkerStartException start) {
                throw start;
            }
            throw new WorkerProcess.WorkerStartException(String.valueOf(e.getCause()));
        }
    }

    private Void readLoaded(DataInputStream in) throws IOException {
        Codec.Loaded loaded = Codec.readLoaded(in, new Wire.Budget(0, RESPONSE_CHARS));
        if (loaded.succeeded()) {
            for (Q1Function function : Q1Function.values()) {
                String problem = loaded.problems().get(function.ordinal());
                if (problem != null) {
                    unavailable.put(function, problem);
                }
            }
        } else {
            classFailure = loaded.failure() instanceof Outcome.Threw t ? words.loadFailure(t)
                    : ((Outcome.Unavailable) loaded.failure()).reason();
            loadFailure = classFailure;
        }
        record(loaded.output());
        return null;
    }

    /**
     * Keeps the first {@link #OUTPUT_LIMIT} characters of what the student code printed. The worker
     * ends a chunk it cut with a note of how much it dropped; those counts are added up here, so the
     * final note says how much was printed in all, not just what reached the grader.
     */
    private void record(String output) {
        if (output == null || output.isEmpty()) {
            return;
        }
        Matcher note = WORKER_DROP_NOTE.matcher(output);
        if (note.find()) {
            printedDropped += Long.parseLong(note.group(1));
            output = output.substring(0, note.start());
        }
        int room = Math.max(0, OUTPUT_LIMIT - printed.length());
        printed.append(output, 0, Math.min(room, output.length()));
        printedDropped += Math.max(0, output.length() - room);
    }

    private void retire() {
        if (worker != null) {
            worker.kill();
            worker = null;
        }
    }

    @Override
    public String printedOutput() {
        return printedDropped > 0 ? printed + "\n[... about " + printedDropped + " more bytes of output not shown]"
                : printed.toString();
    }

    @Override
    public void close() {
        if (starting != null) {
            try {
                worker = awaitStart();
            } catch (WorkerProcess.WorkerStartException | RuntimeException e) {
                // Never started: nothing to stop.
            }
        }
        if (worker != null) {
            worker.close();
            worker = null;
        }
        RuntimeArchive.deleteQuietly(scratch);
    }

    /** Creates a scratch folder for one submission below {@code parent}. */
    public static Path newScratch(Path parent, Isolation isolation) throws IOException {
        Path scratch = Files.createTempDirectory(parent, "hw5-scratch-");
        isolation.prepareScratch(scratch);
        return scratch;
    }
}
