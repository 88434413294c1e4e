package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.protocol.Messages;
import edu.mlcourse.hw5.protocol.ProtocolException;
import edu.mlcourse.hw5.protocol.Wire;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Runs the submission's classes in a separate, limited JVM (see {@link WorkerLauncher} and
 * {@link Isolation}). One JVM serves all calls; after it dies, times out or hits a fatal error, a
 * fresh one is started for the next call. The grading process never loads student classes.
 */
public final class SandboxedRunner implements Q1Runner {
    private static final int MAX_STARTS = 25;
    private static final int OUTPUT_LIMIT = 10 * 1024;
    /** A response holds at most this many numbers: the worker refuses more than 4 million per call. */
    private static final long RESPONSE_NUMBERS = 64_000_000L;
    private static final long RESPONSE_CHARS = 4L * 1024 * 1024;

    private Map<String, byte[]> classes;
    private final WorkerLauncher launcher;
    private final Path scratch;
    private final long budgetDeadline;
    private final StringBuilder printed = new StringBuilder();
    private long printedDropped;
    private final Map<Q1Function, String> unavailable = new EnumMap<>(Q1Function.class);
    private String classFailure;
    private WorkerProcess worker;
    private CompletableFuture<WorkerProcess> starting;
    private int starts;

    /**
     * Starts the student JVM at once, in the background, so that it boots while the submission
     * compiles; {@link #load} then hands it the classes.
     *
     * @param scratch an empty folder that becomes the student JVM's working folder
     */
    public SandboxedRunner(WorkerLauncher launcher, Path scratch) {
        this.launcher = launcher;
        this.scratch = scratch;
        this.budgetDeadline = System.nanoTime() + launcher.limits().budget().toNanos();
        this.starting = startAsync();
        this.starts = 1;
    }

    /** The compiled submission, binary name to bytes; call once before any other method. */
    public SandboxedRunner load(Map<String, byte[]> compiled) {
        this.classes = Map.copyOf(compiled);
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
    public Optional<String> unavailable(Q1Function function) {
        ensureLoaded();
        if (classFailure != null) {
            return Optional.of(classFailure);
        }
        return Optional.ofNullable(unavailable.get(function));
    }

    @Override
    public List<Outcome> call(Q1Function function, List<Object[]> argumentLists) {
        Optional<String> problem = unavailable(function);
        if (problem.isPresent()) {
            return InProcessRunner.repeat(new Outcome.Unavailable(problem.get()), argumentLists.size());
        }
        Duration timeout = remaining().compareTo(launcher.limits().callTimeout()) < 0
                ? remaining() : launcher.limits().callTimeout();
        if (timeout.isZero() || timeout.isNegative() || worker == null) {
            return InProcessRunner.repeat(budgetOrStartFailure(), argumentLists.size());
        }
        try {
            List<Outcome> outcomes = worker.exchange(out -> {
                out.writeByte(Messages.CALL);
                out.writeInt(function.ordinal());
                out.writeInt(argumentLists.size());
                for (Object[] args : argumentLists) {
                    for (int a = 0; a < args.length; a++) {
                        Wire.writeArray(out, args[a], function.params().get(a).rank());
                    }
                }
            }, in -> readResults(in, function, argumentLists.size()), timeout);
            if (outcomes.stream().anyMatch(o -> o instanceof Outcome.Threw t && t.fatal())) {
                retire();
            }
            return outcomes;
        } catch (TimeoutException e) {
            retire();
            Outcome outcome = timeout.equals(launcher.limits().callTimeout())
                    ? new Outcome.TimedOut(timeout.toMillis()) : budgetOrStartFailure();
            return InProcessRunner.repeat(outcome, argumentLists.size());
        } catch (IOException e) {
            String how = worker.describeEnd();
            retire();
            String what = e instanceof ProtocolException
                    ? "the student JVM broke the grader's protocol (" + e.getMessage() + ")"
                    : "the student JVM ended during the call (" + how + ")";
            return InProcessRunner.repeat(new Outcome.Crashed(what), argumentLists.size());
        }
    }

    private List<Outcome> readResults(DataInputStream in, Q1Function function, int count) throws IOException {
        Wire.Budget budget = new Wire.Budget(RESPONSE_NUMBERS, RESPONSE_CHARS);
        if (in.readByte() != Messages.RESULTS) {
            throw new ProtocolException("expected results");
        }
        List<Outcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            outcomes.add(Wire.readOutcome(in, function.outputs(), budget));
        }
        record(Wire.readString(in, budget));
        return outcomes;
    }

    private Outcome budgetOrStartFailure() {
        if (remaining().isZero() || remaining().isNegative()) {
            return new Outcome.Unavailable("the submission's time budget of " + launcher.limits().budget().toSeconds()
                    + " s is used up, so this check was not run. Look for slow or endless loops in the checks that timed out.");
        }
        return new Outcome.Unavailable(classFailure != null ? classFailure : "the student JVM could not be started");
    }

    private Duration remaining() {
        long nanos = budgetDeadline - System.nanoTime();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    /** Starts a worker and loads the classes if none is running. */
    private void ensureLoaded() {
        if (classes == null) {
            throw new IllegalStateException("load(classes) must be called first");
        }
        if (worker != null || classFailure != null) {
            return;
        }
        if (remaining().isZero()) {
            return;
        }
        if (starting == null) {
            if (++starts > MAX_STARTS) {
                classFailure = "the student JVM had to be restarted " + MAX_STARTS + " times; the remaining checks were not run.";
                return;
            }
            starting = startAsync();
        }
        try {
            worker = awaitStart();
            Duration timeout = remaining().compareTo(launcher.limits().callTimeout()) < 0
                    ? remaining() : launcher.limits().callTimeout();
            worker.exchange(out -> {
                out.writeByte(Messages.LOAD);
                out.writeInt(classes.size());
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    Wire.writeString(out, c.getKey());
                    out.writeInt(c.getValue().length);
                    out.write(c.getValue());
                }
            }, this::readLoaded, timeout);
        } catch (WorkerProcess.WorkerStartException e) {
            classFailure = "The grader could not start a JVM for your code: " + e.getMessage();
            worker = null;
        } catch (TimeoutException e) {
            classFailure = "Loading hw5.Q1 did not finish within " + launcher.limits().callTimeout().toSeconds()
                    + " s: a static initializer (static field or static block) loops or waits forever.";
            retire();
        } catch (IOException e) {
            classFailure = "Loading hw5.Q1 ended the student JVM (" + worker.describeEnd()
                    + "): does a static initializer call System.exit or exhaust memory?";
            retire();
        }
    }

    private WorkerProcess awaitStart() throws IOException, WorkerProcess.WorkerStartException {
        CompletableFuture<WorkerProcess> pending = starting;
        starting = null;
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WorkerProcess.WorkerStartException start) {
                throw start;
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private Void readLoaded(DataInputStream in) throws IOException {
        Wire.Budget budget = new Wire.Budget(0, RESPONSE_CHARS);
        if (in.readByte() != Messages.LOADED) {
            throw new ProtocolException("expected LOADED");
        }
        if (in.readByte() == Messages.STATUS_OK) {
            for (Q1Function function : Q1Function.values()) {
                String problem = Wire.readString(in, budget);
                if (problem != null) {
                    unavailable.put(function, problem);
                }
            }
        } else {
            Outcome failure = Wire.readOutcome(in, List.of(), budget);
            classFailure = failure instanceof Outcome.Threw t
                    ? "hw5.Q1 could not be loaded: its static initialization threw " + t.summary()
                            + (t.frames().isEmpty() ? "" : "\n    at " + String.join("\n    at ", t.frames()))
                    : ((Outcome.Unavailable) failure).reason();
        }
        record(Wire.readString(in, budget));
        return null;
    }

    private void record(String output) {
        if (output == null || output.isEmpty()) {
            return;
        }
        int room = OUTPUT_LIMIT - printed.length();
        if (room >= output.length()) {
            printed.append(output);
        } else {
            printed.append(output, 0, Math.max(0, room));
            printedDropped += output.length() - Math.max(0, room);
        }
    }

    private void retire() {
        if (worker != null) {
            worker.kill();
            worker = null;
        }
    }

    @Override
    public String printedOutput() {
        return printedDropped > 0 ? printed + "\n[... " + printedDropped + " more characters not shown]" : printed.toString();
    }

    @Override
    public void close() {
        if (starting != null) {
            try {
                worker = awaitStart();
            } catch (IOException | WorkerProcess.WorkerStartException | RuntimeException e) {
                // Never started: nothing to stop.
            }
        }
        if (worker != null) {
            worker.close();
            worker = null;
        }
        StudentRuntime.deleteQuietly(scratch);
    }

    /** Creates a scratch folder for one submission below {@code parent}. */
    public static Path newScratch(Path parent, Isolation isolation) throws IOException {
        Path scratch = Files.createTempDirectory(parent, "hw5-scratch-");
        isolation.prepareScratch(scratch);
        return scratch;
    }
}
