package edu.mlcourse.hw5.checker.models;

import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.ModelLimits;
import edu.mlcourse.hw5.checker.sandbox.ModelRunner;
import edu.mlcourse.hw5.checker.sandbox.PythonInterpreter;
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

    @Override
    public Optional<String> unavailable() {
        return ModelRunner.unavailable();
    }

    @Override
    public ModelRunner.Run evaluate(Codec.Evaluate request) {
        return new ModelRunner(PythonInterpreter.find().orElseThrow(), limits, isolation.get(), scratchParent)
                .evaluate(request);
    }
}
