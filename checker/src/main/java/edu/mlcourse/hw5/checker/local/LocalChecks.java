package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.checker.report.BriefReport;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.files.CodeLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The grader's Q1 checks as a student's own {@code mvn test}: exactly what {@code ./check} runs
 * (see {@link LocalPipeline}) on the module's {@code Q1.java}, so both give the same rules, time
 * limits, messages and points. One test per graded line, which fails in a line or two; the total
 * is printed as {@code ./check} prints it.
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
    /** System property naming the folder that holds {@code src/main/java/hw5/Q1.java}, when it cannot be found. */
    public static final String Q1_MODULE_PROPERTY = "hw5.q1";

    static final Path Q1_SOURCE = Path.of("src", "main", "java", "hw5", "Q1.java");

    private LocalChecks() {
    }

    /** One dynamic test per graded line of Q1 (a function's public cases, its gradient check). */
    public static Stream<DynamicNode> publicVectors(Class<?> q1) {
        Path module = q1Module(q1);
        GradeReport report = LocalPipeline.builder(publicVectorFolder(module)).build().grade(module);
        if (report.graderFailed()) {
            throw new IllegalStateException("The checker failed, so this says nothing about your Q1; please tell"
                    + " the course staff: " + String.join("; ", report.graderErrors()));
        }
        System.out.println(summary(report));
        return report.tests().stream().map(LocalChecks::asTest);
    }

    /** What {@code mvn test} prints once: problems with Q1 as a whole, and the total. */
    static String summary(GradeReport report) {
        StringBuilder text = new StringBuilder("HW5 Q1 on the public vectors, graded as ./check grades it (./check"
                + " also prints the whole feedback):\n");
        report.problems().forEach(p -> text.append(p).append('\n'));
        return text.append(BriefReport.total(report)).append('\n').append(LocalPipeline.scale(report)).toString();
    }

    private static DynamicNode asTest(TestResult result) {
        String name = result.name().replaceFirst("^Q1 ", "");
        return DynamicTest.dynamicTest(name, () -> {
            if (!result.passed()) {
                AssertionFailedError failure = new AssertionFailedError(BriefReport.failure(name, result));
                // Where in the checker this was thrown means nothing to a student: keep the output to the message.
                failure.setStackTrace(new StackTraceElement[0]);
                throw failure;
            }
        });
    }

    /**
     * The folder of the Q1 module: where its classes were compiled from (target/classes), else the
     * working folder (Maven runs a module's tests there) or its q1 subfolder (an IDE at the project).
     */
    static Path q1Module(Class<?> q1) {
        Optional<Path> configured = Optional.ofNullable(System.getProperty(Q1_MODULE_PROPERTY)).map(Path::of);
        Path classes = CodeLocation.of(q1).toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        Stream<Path> candidates = configured.map(Stream::of).orElseGet(() -> Stream.of(
                classes.getParent() == null ? null : classes.getParent().getParent(), here, here.resolve("q1")));
        return candidates.filter(p -> p != null && Files.isRegularFile(p.resolve(Q1_SOURCE))).findFirst()
                .orElseThrow(() -> new StudentFileException("Your " + Q1_SOURCE + " was not found in the q1 folder"
                        + " of your project. Run the tests from the project you received (mvn test), or name the"
                        + " folder that holds src/ with -D" + Q1_MODULE_PROPERTY + "=FOLDER."));
    }

    /** The public vectors: as configured, else in the project (q1's parent), found as ./check finds them. */
    static Path publicVectorFolder(Path module) {
        return StudentProject.publicVectors(module.getParent(),
                Optional.ofNullable(System.getProperty(VECTORS_PROPERTY)).map(Path::of), "-D" + VECTORS_PROPERTY + "=FOLDER");
    }
}
