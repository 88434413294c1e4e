package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.protocol.Codec;
import edu.mlcourse.hw5.protocol.ProtocolException;
import edu.mlcourse.hw5.protocol.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a student's {@code my_model.pt} on images, in the same sandbox as their Q1 code: a Python
 * worker of its own (PyTorch, the student's user, no network, no answer visible), one EVALUATE
 * exchange, within {@link ModelLimits}. Loading a .pt file runs code, so this is the only place it
 * is ever loaded.
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

    /** The model ran: the worker's findings, what it printed (cut to 10 KB by the worker). */
    public record Ran(Codec.Evaluated evaluated, String runtime) implements Run {
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
    public Run evaluate(Codec.Evaluate request) {
        Path scratch;
        try {
            scratch = SandboxedRunner.newScratch(scratchParent, launcher.isolation());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + scratchParent, e);
        }
        WorkerProcess worker = null;
        try {
            try {
                worker = WorkerProcess.start(launcher, scratch);
            } catch (WorkerProcess.WorkerStartException | IOException e) {
                return new NotRun("the Python worker for model files did not start: " + e.getMessage());
            }
            CallLimit limit = CallLimit.of(limits.cpu(), limits.cpu().multipliedBy(CallLimit.ELAPSED_PER_CPU));
            try {
                Codec.Evaluated evaluated = worker.exchange(out -> Codec.write(out, request),
                        in -> Codec.readEvaluated(in, new Wire.Budget(0, RESPONSE_BYTES)), limit);
                return evaluated.succeeded() ? new Ran(evaluated, worker.runtime())
                        : new Refused(describe(evaluated.failure()) + notes(evaluated.notes()) + printed(evaluated.output()),
                                worker.runtime());
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
        } finally {
            if (worker != null) {
                worker.close();
            }
            RuntimeArchive.deleteQuietly(scratch);
        }
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
