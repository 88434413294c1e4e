package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.async.Lazy;
import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.grading.GradingPipelineBuilder;
import edu.mlcourse.hw5.checker.grading.Q1Part;
import edu.mlcourse.hw5.checker.grading.VectorSets;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.IsolationDetector;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.files.CodeLocation;
import edu.mlcourse.hw5.grader.heldout.HeldOutData;
import edu.mlcourse.hw5.grader.heldout.Q2Part;
import edu.mlcourse.hw5.grader.insights.similarity.SourceFingerprintPart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The grader's pipeline, as {@code grade} and {@code batch} (and so the Gradescope entry) grade:
 * Q1 under the strongest isolation the machine allows, Q2 on the held-out labels, and the source
 * fingerprints a batch compares. Slow preparation (the vectors, the isolation probe) starts in the
 * background and overlaps compiling the first submission; the held-out set is read by the first
 * submission scored against it.
 */
final class GraderPipeline {
    private GraderPipeline() {
    }

    static GradingPipeline of(GradingOptions options) {
        RunLimits limits = options.limits();
        Rubric rubric = options.rubric();
        Supplier<IsolationChoice> isolation = InBackground.start(() -> IsolationDetector.detect(limits,
                graderFiles(options), options.strongestIsolation));
        Path heldOutFolder = options.heldOutFolder();
        // Read when the first submission with a predictions or model file needs it, not before: a
        // Q1-only grade never does, and the reading and checking would compete with its compile.
        Supplier<HeldOutData> heldOut = Lazy.of(() -> HeldOutData.read(heldOutFolder));
        GradingPipelineBuilder pipeline = GradingPipeline.builder()
                .vectors(VectorSets.loadInBackground(options.vectorFolder(), options.sets))
                .rubric(rubric).limits(limits).isolation(isolation).warmUp();
        pipeline.part(new Q2Part(heldOut, rubric, pipeline.torchModels())).part(new SourceFingerprintPart());
        options.extraParts().forEach(pipeline::part);
        return pipeline.build();
    }

    /** What student code must not see: the grader's code (with the bundled answers) and the data given. */
    private static List<Path> graderFiles(GradingOptions options) {
        List<Path> files = new ArrayList<>();
        for (Class<?> anchor : List.of(GraderPipeline.class, Q1Part.class)) {
            Path location = CodeLocation.of(anchor);
            if (!files.contains(location)) {
                files.add(location);
            }
        }
        files.addAll(options.givenFiles());
        return files;
    }
}
