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
        List<String> reported = run(DEBIAN_PYTHON.toString(), "-I", "-c",
                "import sys, platform, numpy; print(sys.prefix); print(platform.python_version()); print(numpy.__version__)");
        assumeTrue(reported.size() == 3, "needs numpy in /usr/bin/python3: " + reported);
        List<String> tried = new ArrayList<>();
        Optional<PythonInterpreter> found = PythonInterpreter.probe(DEBIAN_PYTHON, tried);
        assertTrue(found.isPresent(), tried::toString);
        assertEquals(Path.of(reported.get(0)), found.get().prefix());
        assertEquals("Python " + reported.get(1) + ", numpy " + reported.get(2), found.get().version());
        assertEquals(DEBIAN_PYTHON.toRealPath(), found.get().executable());
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
