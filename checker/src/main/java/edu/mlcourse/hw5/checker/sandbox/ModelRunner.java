package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.protocol.Codec;
import edu.mlcourse.hw5.protocol.ProtocolException;
import edu.mlcourse.hw5.protocol.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs a student's {@code my_model.pt} on images, in the same sandbox as their Q1 code: a Python
 * worker of its own (PyTorch, the student's user, no network, no answer visible), within
 * {@link ModelLimits}. Loading a .pt file runs code, so this is the only place it is ever loaded.
 * One EVALUATE runs every input convention on a sample of the images; then each COMPLETE the
 * caller's {@link Completion} asks for runs one convention on every image, so that a model is run
 * in full once, not once per convention.
 */
public final class ModelRunner {
    /** Output of a model is at most its labels and some text. */
    private static final long RESPONSE_BYTES = 64L * 1024 * 1024;

    private final WorkerLauncher launcher;
    private final ModelLimits limits;
    private final Path scratchParent;

    /** What an evaluation ended in. */
    public sealed interface Run {
    }

    /**
     * The model ran: the worker's findings on the sample (with what it printed, cut to 10 KB by the
     * worker), and the conventions completed, by their index in the sample's results.
     */
    public record Ran(Codec.Evaluated evaluated, Map<Integer, Codec.Labels> completed, String runtime) implements Run {
        public Ran {
            completed = Collections.unmodifiableMap(new LinkedHashMap<>(completed));
        }
    }

    /** Which conventions, after the sample, to run on every image: one at a time. */
    @FunctionalInterface
    public interface Completion {
        /**
         * The index (in {@code sample}'s results) of a convention that ran on the sample, to run on
         * every image next; empty when those completed so far are enough.
         */
        OptionalInt next(Codec.Evaluated sample, Map<Integer, Codec.Labels> completed);
    }

    /** The student's model could not be evaluated: the reason, for the student; the worker's runtime (its HELLO). */
    public record Refused(String reason, String runtime) implements Run {
    }

    /** The grader could not run the evaluation (the worker would not start): for the course staff. */
    public record NotRun(String reason) implements Run {
    }

    /**
     * @param program the edition's worker for model files (the Python edition's: PyTorch imported first,
     *     {@code limits}' address space)
     * @param isolation the isolation of the student's code
     * @param scratchParent where the evaluation's scratch folder goes
     */
    public ModelRunner(WorkerProgram program, ModelLimits limits, Isolation isolation, Path scratchParent) {
        // The call limit is the model's; the budget only needs to cover it.
        RunLimits runLimits = new RunLimits(limits.cpu(), limits.cpu().multipliedBy(CallLimit.ELAPSED_PER_CPU), 256);
        this.launcher = new WorkerLauncher(program, runLimits, isolation);
        this.limits = limits;
        this.scratchParent = scratchParent;
    }

    /** Evaluates the model; never throws for anything the student's file does. */
    public Run evaluate(Codec.Evaluate request, Completion completion) {
        try (Started started = start()) {
            return started.evaluate(request, completion);
        }
    }

    /**
     * Starts a worker for one model now, which takes as long as importing PyTorch (about a second):
     * to evaluate on once the model's inputs are ready. Never throws for a worker that does not start;
     * its evaluation says so.
     */
    public Started start() {
        Path scratch;
        try {
            scratch = SandboxedRunner.newScratch(scratchParent, launcher.isolation());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + scratchParent, e);
        }
        try {
            return new Started(WorkerProcess.start(launcher, scratch), scratch, null);
        } catch (WorkerProcess.WorkerStartException | IOException e) {
            return new Started(null, scratch, e.getMessage());
        } catch (RuntimeException | Error e) {
            RuntimeArchive.deleteQuietly(scratch);
            throw e;
        }
    }

    /** A worker started for one model: {@link #evaluate} once, then {@link #close}. */
    public final class Started implements AutoCloseable {
        private final WorkerProcess worker;
        private final Path scratch;
        private final String notStarted;

        private Started(WorkerProcess worker, Path scratch, String notStarted) {
            this.worker = worker;
            this.scratch = scratch;
            this.notStarted = notStarted;
        }

        /** Evaluates the model on this worker; never throws for anything the student's file does. */
        public Run evaluate(Codec.Evaluate request, Completion completion) {
            if (worker == null) {
                return new NotRun("the Python worker for model files did not start: " + notStarted);
            }
            CallLimit limit = CallLimit.of(limits.cpu(), limits.cpu().multipliedBy(CallLimit.ELAPSED_PER_CPU));
            // The limit is the whole evaluation's: each full pass gets what the sample and earlier passes left.
            Optional<Duration> cpuAtStart = worker.cpuUsed();
            try {
                Codec.Evaluated evaluated = worker.exchange(out -> Codec.write(out, request),
                        in -> Codec.readEvaluated(in, new Wire.Budget(0, RESPONSE_BYTES)), limit);
                if (!evaluated.succeeded()) {
                    return new Refused(describe(evaluated.failure()) + notes(evaluated.notes())
                            + printed(evaluated.output()), worker.runtime());
                }
                Map<Integer, Codec.Labels> completed = new LinkedHashMap<>();
                for (OptionalInt next = completion.next(evaluated, completed); next.isPresent();
                     next = completion.next(evaluated, completed)) {
                    int index = next.getAsInt();
                    completed.put(index, worker.exchange(out -> Codec.writeComplete(out, index),
                            in -> Codec.readLabels(in, new Wire.Budget(0, RESPONSE_BYTES)),
                            left(limit, cpuAtStart, worker.cpuUsed())));
                }
                return new Ran(evaluated, completed, worker.runtime());
            } catch (WorkerProcess.CallTimeout e) {
                return new Refused(e.computing()
                        ? "loading and running my_model.pt did not finish within " + seconds(limit) + " s of computing"
                        : "loading and running my_model.pt did not finish: it was waiting, not computing, for "
                                + limit.idle().toSeconds() + " s (a sleep, a wait for input or the network?)", worker.runtime());
            } catch (ProtocolException e) {
                return new Refused("the process running my_model.pt sent a reply the grader refuses (" + e.getMessage()
                        + ")", worker.runtime());
            } catch (IOException e) {
                return new Refused("the process running my_model.pt ended while it loaded or ran the model ("
                        + worker.describeEnd() + "): does loading it call sys.exit or os._exit, or exhaust memory?",
                        worker.runtime());
            }
        }

        /** Ends the worker, whether it evaluated or not, and deletes its scratch folder. */
        @Override
        public void close() {
            try {
                if (worker != null) {
                    worker.close();
                }
            } finally {
                RuntimeArchive.deleteQuietly(scratch);
            }
        }
    }

    /** The limit with the CPU time already used taken off (a second at least, so that a pass can start and be told). */
    private static CallLimit left(CallLimit limit, Optional<Duration> atStart, Optional<Duration> now) {
        if (atStart.isEmpty() || now.isEmpty()) {
            return limit;
        }
        Duration left = limit.cpu().minus(now.get().minus(atStart.get()));
        Duration cpu = left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
        return new CallLimit(cpu, limit.idle(), limit.elapsed());
    }

    private String describe(Outcome failure) {
        if (failure instanceof Outcome.Threw t) {
            return "loading my_model.pt raised " + t.summary() + launcher.program().vocabulary().frames(t.frames());
        }
        return failure instanceof Outcome.Unavailable u ? u.reason() : String.valueOf(failure);
    }

    private static String notes(List<String> notes) {
        return notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
    }

    private static String printed(String output) {
        return output == null || output.isBlank() ? "" : "\nLoading it printed:\n" + output.strip();
    }

    private static String seconds(CallLimit limit) {
        return Long.toString(limit.cpu().toSeconds());
    }
}
