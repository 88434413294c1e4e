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

    /**
     * Starts, in the background, what evaluating one model needs before the model itself (a worker
     * that imports PyTorch: about a second), while the model's inputs are still being read. By
     * default nothing starts early.
     */
    default Session start() {
        return new Session() {
            @Override
            public ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion) {
                return TorchModels.this.evaluate(request, completion);
            }

            @Override
            public void close() {
            }
        };
    }

    /** One model's evaluation, started early: {@link #evaluate} at most once, and {@link #close} always. */
    interface Session extends AutoCloseable {
        /** As {@link TorchModels#evaluate}. */
        ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion);

        /** Ends what was started, used or not. */
        @Override
        void close();
    }
}
