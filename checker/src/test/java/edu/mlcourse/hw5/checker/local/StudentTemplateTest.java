package edu.mlcourse.hw5.checker.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The student template's q1 module as students receive it, its tests run here through the JUnit
 * Launcher as Maven runs them: they grade the module's Q1.java as ./check does, one test per
 * graded line, each failure a line or two, and print the total first.
 */
class StudentTemplateTest {
    private static final Path TEMPLATE = Path.of("..", "student-template", "q1");
    private static final Path REFERENCE_Q1 = Path.of("..", "reference-solution", "src", "main", "java", "hw5", "Q1.java");
    private static final Path PUBLIC_VECTORS = Path.of("..", "test-vectors", "public");

    @TempDir
    Path project;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void aFreshTemplateFailsEachGradedLineInALineOrTwoWithTheTodoMessage() throws Exception {
        TestExecutionSummary summary = runTemplateTests(Files.readString(TEMPLATE.resolve(LocalChecks.Q1_SOURCE)));
        assertEquals(9, summary.getTestsFoundCount(), "a test per function's cases and per gradient check");
        assertEquals(9, summary.getTestsFailedCount());
        for (TestExecutionSummary.Failure failure : summary.getFailures()) {
            String message = failure.getException().getMessage();
            assertTrue(message.lines().count() <= 2, message);
            assertTrue(message.contains("TODO: ") || message.contains("cannot judge your"), message);
            assertEquals(0, failure.getException().getStackTrace().length, "no checker frames in a student's output");
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Total                                              0.00 / 36.00\n"
                + "  Public cases only: 36 of Q1's 60 points."), printed::toString);
    }

    @Test
    void theReferenceSolutionPassesEveryTestWithTheFullTotal() throws Exception {
        TestExecutionSummary summary = runTemplateTests(Files.readString(REFERENCE_Q1));
        assertEquals(9, summary.getTestsFoundCount());
        assertEquals(0, summary.getTestsFailedCount(), () -> summary.getFailures().stream()
                .map(f -> f.getException().getMessage()).findFirst().orElse(""));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("36.00 / 36.00"), printed::toString);
    }

    @Test
    void aRenamedMethodGetsTheGradersSignatureMessageQuotingTheDeclaration() throws Exception {
        String renamed = Files.readString(REFERENCE_Q1).replace("linearForward(", "linear_forward(");
        TestExecutionSummary summary = runTemplateTests(renamed);
        String messages = summary.getFailures().stream().map(f -> f.getException().getMessage()).reduce("", String::concat);
        assertTrue(messages.contains("linearForward: public cases (0.00 / 5.00 points)"), messages);
        assertTrue(messages.contains("Expected: public static double[][] linearForward(double[][] x, double[][] w, double[] b)"),
                messages);
    }

    /** Lays out a q1 module with {@code q1Source} as Maven would build it, and runs its tests. */
    private TestExecutionSummary runTemplateTests(String q1Source) throws IOException, ClassNotFoundException {
        Path module = project.resolve("q1");
        try (Stream<Path> files = Files.walk(TEMPLATE.resolve("src"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = module.resolve(TEMPLATE.relativize(file));
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(module.resolve(LocalChecks.Q1_SOURCE), q1Source);
        Path classes = Files.createDirectories(module.resolve("target").resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none"));
        try (Stream<Path> files = Files.walk(module.resolve("src"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the template compiles");
        System.setProperty(LocalChecks.VECTORS_PROPERTY, PUBLIC_VECTORS.toAbsolutePath().toString());
        PrintStream out = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Class<?> test = loader.loadClass("hw5.Q1VectorsTest");
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(test)).build(),
                    listener);
            return listener.getSummary();
        } finally {
            System.setOut(out);
            System.clearProperty(LocalChecks.VECTORS_PROPERTY);
        }
    }
}
