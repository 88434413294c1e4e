package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.edition.python.SandboxedTorchModels;
import edu.mlcourse.hw5.checker.edition.python.TorchModels;
import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.ModelLimits;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * The one place a grading pipeline is assembled, for the grader ({@code grade}, {@code batch}, the
 * Gradescope entry), the students' {@code ./check} and their {@code mvn test}: Q1 first, then the
 * parts added, in report order. Each says what differs (the vectors, the limits, the isolation);
 * everything else is the grader's.
 *
 * <pre>{@code
 * GradingPipelineBuilder builder = GradingPipeline.builder()
 *         .vectors(VectorSets.loadInBackground(folder, List.of("public", "hidden")))
 *         .rubric(rubric)
 *         .limits(limits)
 *         .isolation(probe)          // a Supplier<IsolationChoice>, perhaps still being probed
 *         .warmUp();                 // start what the first submission needs, in the background
 * GradingPipeline pipeline = builder.part(new Q2Part(heldOut, rubric, builder.torchModels())).build();
 * }</pre>
 */
public final class GradingPipelineBuilder {
    private Supplier<List<VectorSet>> vectors;
    private Rubric rubric = Rubric.defaults();
    private RunLimits limits = RunLimits.DEFAULT;
    private Supplier<Isolation> isolation = () -> Isolation.NONE;
    private Supplier<List<String>> standingNotes = List::of;
    private List<TestExecutionListener> listeners = List.of();
    private final Path scratchParent = Path.of(System.getProperty("java.io.tmpdir"));
    private final List<SubmissionPart> parts = new ArrayList<>();
    private boolean warmUp;

    GradingPipelineBuilder() {
    }

    /** The vector sets Q1 is checked against; may still be loading (see {@link VectorSets#loadInBackground}). Required. */
    public GradingPipelineBuilder vectors(Supplier<List<VectorSet>> sets) {
        this.vectors = Objects.requireNonNull(sets, "sets");
        return this;
    }

    /** Points, and the edition it pins; default: the bundled rubric. */
    public GradingPipelineBuilder rubric(Rubric rubric) {
        this.rubric = Objects.requireNonNull(rubric, "rubric");
        return this;
    }

    /** Time and memory of the student code; default: {@link RunLimits#DEFAULT}. */
    public GradingPipelineBuilder limits(RunLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * How student code is walled off, and the notes every report carries about it; default: not at
     * all, without a note (a student's own machine).
     */
    public GradingPipelineBuilder isolation(Supplier<IsolationChoice> choice) {
        Objects.requireNonNull(choice, "choice");
        this.isolation = () -> choice.get().isolation();
        this.standingNotes = () -> choice.get().notes();
        return this;
    }

    /** More JUnit listeners for the Q1 checks (an XML report for a student's CI); default: none. */
    public GradingPipelineBuilder listeners(List<TestExecutionListener> listeners) {
        this.listeners = List.copyOf(listeners);
        return this;
    }

    /** Starts, in the background, what the first submission would otherwise wait for (a grader, not a student's check). */
    public GradingPipelineBuilder warmUp() {
        this.warmUp = true;
        return this;
    }

    /** Adds a part after Q1 and the parts added before it. */
    public GradingPipelineBuilder part(SubmissionPart part) {
        parts.add(Objects.requireNonNull(part, "part"));
        return this;
    }

    /** Where the Python edition's model files are evaluated: the sandbox, under this pipeline's isolation. */
    public TorchModels torchModels() {
        return new SandboxedTorchModels(isolation, ModelLimits.DEFAULT, scratchParent);
    }

    public GradingPipeline build() {
        if (vectors == null) {
            throw new IllegalStateException("vectors must be set: Q1 is checked against them");
        }
        Q1Part q1 = new Q1Part(new Q1Part.Settings(vectors, rubric, Tolerance.NUMPY_DEFAULT, GradientSettings.DEFAULT,
                limits, isolation, scratchParent, listeners));
        if (warmUp) {
            q1.warmUp();
        }
        List<SubmissionPart> all = new ArrayList<>(List.of(q1));
        all.addAll(parts);
        return new GradingPipeline(all, standingNotes);
    }
}
