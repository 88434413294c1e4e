package edu.mlcourse.hw5.grader.packaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Python bundle built from this repository and unpacked as a student gets it, for a test class
 * that runs its {@code check.py} (skipped where Debian's python3 has no numpy), with a scratch folder
 * for the class's submissions:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CheckPyBundle CHECK_PY = new CheckPyBundle();
 * ... CHECK_PY.check(CHECK_PY.dir(), submission.toString()) ...
 * }</pre>
 */
public final class CheckPyBundle implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private Path bundle;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue(PythonBundles.pythonHasNumpy(), PythonBundles.PYTHON + " with numpy is needed to run check.py");
        dir = Files.createTempDirectory("hw5-python-bundle");
        bundle = PythonBundles.buildAndUnpack(dir.resolve("unpacked"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The unpacked bundle's folder, which holds check.py. */
    public Path bundle() {
        return bundle;
    }

    /** A scratch folder for the test class, deleted after it. */
    public Path dir() {
        return dir;
    }

    /** Runs the bundle's check.py with {@code args}, from {@code workingDir}. */
    public PythonBundles.Run check(Path workingDir, String... args) throws IOException {
        return PythonBundles.check(bundle, workingDir, args);
    }

    /** Runs the bundle's check.py as {@link #check(Path, String...)} does, with {@code environment} added. */
    public PythonBundles.Run check(Map<String, String> environment, Path workingDir, String... args) throws IOException {
        return PythonBundles.check(environment, bundle, workingDir, args);
    }
}
