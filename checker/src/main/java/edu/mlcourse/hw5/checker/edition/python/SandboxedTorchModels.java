package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.ModelLimits;
import edu.mlcourse.hw5.checker.sandbox.ModelRunner;
import edu.mlcourse.hw5.protocol.Codec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Model files evaluated by a {@link ModelRunner} under the isolation the grader picked for student code.
 *
 * <p>Whether this machine has PyTorch is learnt from the model worker itself, which imports it
 * before anything else and names its version in its HELLO ({@code ..., PyTorch 1.13.1}): no
 * separate {@code import torch} (over a second) before the first model.
 */
public final class SandboxedTorchModels implements TorchModels {
    /** What the model worker's runtime names when it imported PyTorch (hw5_worker/session.py). */
    static final String TORCH_IN_RUNTIME = "PyTorch ";
    /** Set once a model worker of this process said it has no PyTorch: the machine's fact, for every later model. */
    private static volatile String noTorch;

    private final Supplier<Isolation> isolation;
    private final ModelLimits limits;
    private final Path scratchParent;

    public SandboxedTorchModels(Supplier<Isolation> isolation, ModelLimits limits, Path scratchParent) {
        this.isolation = isolation;
        this.limits = limits;
        this.scratchParent = scratchParent;
    }

    /**
     * The reason this machine cannot evaluate model files, if it cannot, found by importing PyTorch
     * in a process of its own: for tests and tools that must know before they start. Grading does
     * not call it.
     */
    public static Optional<String> unavailableHere() {
        Optional<PythonInterpreter> python = PythonInterpreter.find();
        if (python.isEmpty()) {
            return Optional.of(PythonInterpreter.problem());
        }
        return python.get().torch().isPresent() ? Optional.empty() : Optional.of(noTorch(python.get()));
    }

    private static String noTorch(PythonInterpreter python) {
        return python.executable() + " cannot import PyTorch (Debian: apt-get install python3-torch)";
    }

    /** Without Python, or once a model worker said it has no PyTorch; otherwise the worker is tried. */
    @Override
    public Optional<String> unavailable() {
        Optional<PythonInterpreter> python = PythonInterpreter.find();
        if (python.isEmpty()) {
            return Optional.of(PythonInterpreter.problem());
        }
        return Optional.ofNullable(noTorch);
    }

    /** The evaluation; {@link ModelRunner.NotRun} (and {@link #unavailable()} from then on) when the worker has no PyTorch. */
    @Override
    public ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion) {
        try (Session session = start()) {
            return session.evaluate(request, completion);
        }
    }

    /**
     * A worker starting now, in the background (after the Python probe and the isolation's, should
     * they still be running), unless there is no Python or PyTorch is known to be missing.
     */
    @Override
    public Session start() {
        CompletableFuture<Optional<ModelRunner.Started>> starting = InBackground.run(() -> {
            Optional<PythonInterpreter> python = PythonInterpreter.find();
            if (python.isEmpty() || noTorch != null) {
                return Optional.empty();
            }
            return Optional.of(new ModelRunner(PythonWorker.forModels(python.get(), limits.addressSpaceMegabytes()),
                    limits, isolation.get(), scratchParent).start());
        });
        return new Session() {
            @Override
            public ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion) {
                Optional<ModelRunner.Started> started = InBackground.join(starting);
                if (started.isEmpty()) {
                    return new ModelRunner.NotRun(unavailable().orElse("the model worker was not started"));
                }
                return withTorch(PythonInterpreter.find().orElseThrow(), started.get().evaluate(request, completion));
            }

            @Override
            public void close() {
                Optional<ModelRunner.Started> started;
                try {
                    started = InBackground.join(starting);
                } catch (RuntimeException e) {
                    return; // It never started: nothing to close, and an evaluation would have said why.
                }
                started.ifPresent(ModelRunner.Started::close);
            }
        };
    }

    private static ModelRunner.Run withTorch(PythonInterpreter python, ModelRunner.Run run) {
        String runtime = run instanceof ModelRunner.Ran ran ? ran.runtime()
                : run instanceof ModelRunner.Refused refused ? refused.runtime() : null;
        if (runtime != null && !runtime.contains(TORCH_IN_RUNTIME)) {
            noTorch = noTorch(python);
            return new ModelRunner.NotRun(noTorch);
        }
        return run;
    }
}
