package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.sandbox.ModelRunner;
import edu.mlcourse.hw5.protocol.Codec;
import java.util.Optional;

/** Where the Python edition's model files are evaluated: a sandboxed {@link ModelRunner} outside tests. */
public interface TorchModels {
    /** Why this machine cannot evaluate model files (no Python, no PyTorch), if it cannot. */
    Optional<String> unavailable();

    /** Evaluates a model: every convention on a sample, then those {@code completion} asks for on every image. */
    ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion);
}
