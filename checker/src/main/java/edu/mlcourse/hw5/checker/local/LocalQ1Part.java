package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.grading.Q1Part;
import edu.mlcourse.hw5.checker.grading.VectorSets;
import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.numeric.Tolerance;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Q1 as a student's machine checks it, for both {@code ./check} and the project's {@code mvn test}:
 * the grader's pipeline, rubric, tolerances and time limits on the public vectors, so that the two
 * give the same messages and the same points. The worker is a plain child JVM: students' machines
 * rarely allow the grader's namespaces, and there is nothing to protect there.
 */
public final class LocalQ1Part {
    private LocalQ1Part() {
    }

    /**
     * @param vectorFolder the public vectors ({@code vectors/public})
     * @param limits time and memory of each call
     * @param listeners more JUnit listeners for the checks (an XML report); usually none
     */
    public static Q1Part of(Path vectorFolder, RunLimits limits, List<TestExecutionListener> listeners) {
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        return new Q1Part(new Q1Part.Settings(
                VectorSets.loadInBackground(vectorFolder.getParent(), List.of(vectorFolder.getFileName().toString())),
                Rubric.defaults(), Tolerance.NUMPY_DEFAULT, GradientSettings.DEFAULT, limits, () -> Isolation.NONE,
                scratch, listeners));
    }
}
