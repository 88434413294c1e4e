package edu.mlcourse.hw5.grader;

import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.edition.python.TorchModels;
import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.grading.Q1Part;
import edu.mlcourse.hw5.checker.grading.VectorSets;
import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.ModelRunner;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.protocol.Codec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Pipelines configured as the grade command configures them, for tests. */
public final class GraderFixtures {
    /** For tests of Q2 without model files: a machine that cannot evaluate them. */
    public static final TorchModels NO_TORCH = new TorchModels() {
        @Override
        public Optional<String> unavailable() {
            return Optional.of("these tests evaluate no model file");
        }

        @Override
        public ModelRunner.Run evaluate(Codec.Evaluate request, ModelRunner.Completion completion) {
            throw new AssertionError("no model file is evaluated in these tests");
        }
    };

    private GraderFixtures() {
    }

    /** Unprotected, whoever runs the tests: for tests about grading, not isolation. */
    public static GradingPipeline q1Pipeline(RunLimits limits) {
        return new GradingPipeline(List.of(q1Part(limits, Isolation.NONE)), List.of());
    }

    /** With the isolation given and its notes, as the grade command builds it. */
    public static GradingPipeline q1Pipeline(RunLimits limits, IsolationChoice isolation) {
        return new GradingPipeline(List.of(q1Part(limits, isolation.isolation())), isolation.notes());
    }

    public static Q1Part q1Part(RunLimits limits) {
        return q1Part(limits, Isolation.NONE);
    }

    public static Q1Part q1Part(RunLimits limits, Isolation isolation) {
        return new Q1Part(new Q1Part.Settings(VectorSets.loadInBackground(Repository.vectors(), List.of("public", "hidden")),
                Rubric.defaults(), Tolerance.NUMPY_DEFAULT, GradientSettings.DEFAULT, limits, () -> isolation,
                Path.of(System.getProperty("java.io.tmpdir")), List.of()));
    }
}
