package edu.mlcourse.hw5.checker.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The student template's q1 module as students receive it: it compiles, and its own tests (run here through
 * the JUnit Launcher, as Maven would) fail on every case with the TODO messages; with the
 * reference Q1 in its place, the same tests pass.
 */
class StudentTemplateTest {
    private static final Path TEMPLATE = Path.of("..", "student-template", "q1");
    private static final Path REFERENCE_Q1 = Path.of("..", "reference-solution", "src", "main", "java", "hw5", "Q1.java");

    @TempDir
    Path classes;

    @Test
    void aFreshTemplateCompilesAndItsTestsFailWithTheTodoMessages() throws Exception {
        TestExecutionSummary summary = compileAndRunTemplateTests(null);
        assertTrue(summary.getTestsFoundCount() >= 60, "one test per public case and gradient trial");
        assertEquals(summary.getTestsFoundCount(), summary.getTestsFailedCount());
        for (TestExecutionSummary.Failure failure : summary.getFailures()) {
            String message = failure.getException().getMessage();
            assertTrue(message.contains("threw UnsupportedOperationException: TODO: "), message);
            assertTrue(message.contains("not written yet"), message);
        }
    }

    @Test
    void theTemplatesTestsPassForTheReferenceSolution() throws Exception {
        TestExecutionSummary summary = compileAndRunTemplateTests(REFERENCE_Q1);
        assertTrue(summary.getTestsFoundCount() >= 60);
        assertEquals(0, summary.getTestsFailedCount(), () -> summary.getFailures().stream()
                .map(f -> f.getException().getMessage()).findFirst().orElse(""));
    }

    private TestExecutionSummary compileAndRunTemplateTests(Path replacementQ1) throws IOException, ClassNotFoundException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATE.resolve("src"))) {
            files.filter(f -> f.toString().endsWith(".java")).filter(f -> f.toString().contains("hw5"))
                    .filter(f -> replacementQ1 == null || !f.getFileName().toString().equals("Q1.java"))
                    .forEach(f -> sources.add(f.toString()));
        }
        if (replacementQ1 != null) {
            sources.add(replacementQ1.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none"));
        args.addAll(sources);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the template compiles");
        System.setProperty(LocalChecks.VECTORS_PROPERTY, Path.of("..", "test-vectors", "public").toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> test = loader.loadClass("hw5.Q1VectorsTest");
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(test)).build(),
                    listener);
            return listener.getSummary();
        } finally {
            System.clearProperty(LocalChecks.VECTORS_PROPERTY);
        }
    }
}
