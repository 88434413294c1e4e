package edu.mlcourse.hw5.checker.edition.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe that picks the interpreter: numpy found without importing it, and named as importing it names it. */
class PythonInterpreterTest {
    private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void anInterpreterWithNumpyIsFoundWithTheVersionsAndPrefixItsImportReports() throws Exception {
        assumeTrue(Files.isExecutable(DEBIAN_PYTHON), "needs /usr/bin/python3");
        List<String> reported = run(DEBIAN_PYTHON.toString(), "-I", "-c", "import sys, platform, numpy;"
                + " print(sys.prefix); print(platform.python_version()); print(numpy.__version__); print(sys.executable)");
        assumeTrue(reported.size() == 4, "needs numpy in /usr/bin/python3: " + reported);
        List<String> tried = new ArrayList<>();
        Optional<PythonInterpreter> found = PythonInterpreter.probe(DEBIAN_PYTHON, tried);
        assertTrue(found.isPresent(), tried::toString);
        assertEquals(List.of(Path.of(reported.get(0))), found.get().folders());
        assertEquals("Python " + reported.get(1) + ", numpy " + reported.get(2), found.get().version());
        assertEquals(Path.of(reported.get(3)), found.get().executable());
    }

    /**
     * A virtual environment runs as its own bin/python3, with its folder and its base's: that link's
     * target, the base interpreter, would run without the environment's packages.
     */
    @Test
    void aVirtualEnvironmentIsRunAsItselfWithItsFolderAndItsBasesShown() throws Exception {
        assumeTrue(Files.isExecutable(DEBIAN_PYTHON), "needs /usr/bin/python3");
        Path venv = dir.resolve("with-system-numpy");
        List<String> made = run(DEBIAN_PYTHON.toString(), "-m", "venv", "--without-pip", "--system-site-packages",
                venv.toString());
        Path python = venv.resolve("bin/python3");
        assumeTrue(Files.isExecutable(python), "needs Python's venv module: " + made);
        List<String> base = run(DEBIAN_PYTHON.toString(), "-I", "-c", "import sys, numpy; print(sys.base_prefix)");
        assumeTrue(base.size() == 1, "needs numpy in /usr/bin/python3: " + base);
        List<String> tried = new ArrayList<>();
        Optional<PythonInterpreter> found = PythonInterpreter.probe(python, tried);
        assertTrue(found.isPresent(), tried::toString);
        assertEquals(python, found.get().executable());
        assertEquals(List.of(venv, Path.of(base.get(0))), found.get().folders());
    }

    @Test
    void anInterpreterWithoutNumpyIsPassedOverWithTheReason() throws Exception {
        assumeTrue(Files.isExecutable(DEBIAN_PYTHON), "needs /usr/bin/python3");
        Path venv = dir.resolve("no-numpy");
        List<String> made = run(DEBIAN_PYTHON.toString(), "-m", "venv", "--without-pip", venv.toString());
        Path python = venv.resolve("bin/python3");
        assumeTrue(Files.isExecutable(python), "needs Python's venv module: " + made);
        List<String> tried = new ArrayList<>();
        assertTrue(PythonInterpreter.probe(python, tried).isEmpty());
        assertEquals(1, tried.size());
        assertTrue(tried.get(0).startsWith(python.toString()) && tried.get(0).contains("No module named 'numpy'"),
                tried::toString);
    }

    @Test
    void aMissingInterpreterIsSkippedQuietly() {
        List<String> tried = new ArrayList<>();
        assertTrue(PythonInterpreter.probe(dir.resolve("python3"), tried).isEmpty());
        assertEquals(List.of(), tried);
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.strip().lines().toList();
    }
}
