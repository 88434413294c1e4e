package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.ModelLimits;
import edu.mlcourse.hw5.checker.sandbox.ModelRunner;
import edu.mlcourse.hw5.protocol.Codec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** Model files evaluated by a {@link ModelRunner} under the isolation the grader picked for student code. */
public final class SandboxedTorchModels implements TorchModels {
    private final Supplier<Isolation> isolation;
    private final ModelLimits limits;
    private final Path scratchParent;

    public SandboxedTorchModels(Supplier<Isolation> isolation, ModelLimits limits, Path scratchParent) {
        this.isolation = isolation;
        this.limits = limits;
        this.scratchParent = scratchParent;
    }

    /** The reason this machine cannot evaluate model files, if it cannot. */
    public static Optional<String> unavailableHere() {
        Optional<PythonInterpreter> python = PythonInterpreter.find();
        if (python.isEmpty()) {
            return Optional.of(PythonInterpreter.problem());
        }
        return python.get().torch().isPresent() ? Optional.empty()
                : Optional.of(python.get().executable() + " cannot import PyTorch (Debian: apt-get install python3-torch)");
    }

    @Override
    public Optional<String> unavailable() {
        return unavailableHere();
    }

    @Override
    public ModelRunner.Run evaluate(Codec.Evaluate request) {
        return new ModelRunner(PythonWorker.forModels(PythonInterpreter.find().orElseThrow(), limits.addressSpaceMegabytes()),
                limits, isolation.get(), scratchParent).evaluate(request);
    }
}
