package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.checker.checks.CheckPlan;
import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.checks.GradingContext;
import edu.mlcourse.hw5.checker.checks.JavaDialect;
import edu.mlcourse.hw5.checker.sandbox.InProcessRunner;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The grader's Q1 checks for a student's own {@code mvn test}: the same checks and messages, run
 * in-process against the public vectors.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> publicVectors() {
 *     return LocalChecks.publicVectors(Q1.class);
 * }
 * }</pre>
 */
public final class LocalChecks {
    /** System property naming the public vector folder, when it is not in one of the usual places. */
    public static final String VECTORS_PROPERTY = "hw5.vectors";

    /** The project folder (an IDE), q1/ below it (Maven runs each module's tests there), the repository's template. */
    private static final List<Path> USUAL_PLACES = List.of(StudentProject.PUBLIC_VECTORS,
            Path.of("..").resolve(StudentProject.PUBLIC_VECTORS), Path.of("..", "test-vectors", "public"),
            Path.of("..", "..", "test-vectors", "public"));

    private LocalChecks() {
    }

    /** One dynamic test per public case and per gradient trial, grouped by function. */
    public static Stream<DynamicNode> publicVectors(Class<?> q1) {
        Path folder = publicVectorFolder();
        GradingContext context = new GradingContext(new InProcessRunner(q1, RunLimits.DEFAULT),
                List.of(VectorSetReader.read(folder)), Tolerance.NUMPY_DEFAULT, GradientSettings.DEFAULT,
                JavaDialect.INSTANCE);
        return CheckPlan.nodes(context);
    }

    static Path publicVectorFolder() {
        Optional<Path> configured = Optional.ofNullable(System.getProperty(VECTORS_PROPERTY)).map(Path::of);
        if (configured.isPresent()) {
            return configured.get();
        }
        return USUAL_PLACES.stream().filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).findFirst()
                .orElseThrow(() -> new CourseDataException("The public test vectors were not found in vectors/public."
                        + " Run the tests from the project folder you received (it holds vectors/), or pass"
                        + " -D" + VECTORS_PROPERTY + "=FOLDER."));
    }
}
