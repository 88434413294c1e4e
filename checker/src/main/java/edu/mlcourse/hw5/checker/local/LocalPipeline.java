package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.grading.GradingPipelineBuilder;
import edu.mlcourse.hw5.checker.grading.VectorSets;
import java.nio.file.Path;
import java.util.List;

/**
 * The pipeline as a student's machine runs it, for both {@code ./check} and the project's
 * {@code mvn test}: the grader's own pipeline, rubric, tolerances and time limits on the public
 * vectors, so that the two give the same messages and the same points. The worker is a plain child
 * JVM: students' machines rarely allow the grader's namespaces, and there is nothing to protect there.
 */
public final class LocalPipeline {
    private LocalPipeline() {
    }

    /** @param vectorFolder the public vectors ({@code vectors/public}) */
    public static GradingPipelineBuilder builder(Path vectorFolder) {
        return GradingPipeline.builder()
                .vectors(VectorSets.loadInBackground(vectorFolder.getParent(), List.of(vectorFolder.getFileName().toString())));
    }
}
