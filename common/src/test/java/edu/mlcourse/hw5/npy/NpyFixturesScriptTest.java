package edu.mlcourse.hw5.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code make_fixtures.py} with real numpy and checks that it reproduces the committed
 * fixtures byte for byte, so they cannot drift from what numpy writes. Skipped on a developer's
 * machine without Debian's numpy; in CI (environment variable {@code CI=true}) it fails instead.
 */
class NpyFixturesScriptTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void scriptReproducesTheCommittedFixtures(@TempDir Path out) throws IOException, InterruptedException {
        requireNumpy();
        Path script = NpyReaderTest.FIXTURES.resolve("make_fixtures.py").toAbsolutePath();
        Run run = run(PYTHON.toString(), script.toString(), out.toString());
        assertEquals(0, run.exitCode(), "make_fixtures.py failed:\n" + run.output());

        List<String> committed = npyFiles(NpyReaderTest.FIXTURES);
        assertEquals(committed, npyFiles(out), "the script writes other files than those committed;"
                + " rerun it into " + NpyReaderTest.FIXTURES + " and commit the result");
        for (String name : committed) {
            assertEquals(-1L, Files.mismatch(NpyReaderTest.FIXTURES.resolve(name), out.resolve(name)),
                    name + " differs from what make_fixtures.py writes now; rerun the script and commit its output");
        }
        assertTrue(committed.size() > 80, "expected the full set of fixtures, found " + committed.size());
    }

    private static void requireNumpy() throws IOException, InterruptedException {
        boolean present = Files.isExecutable(PYTHON) && run(PYTHON.toString(), "-c", "import numpy").exitCode() == 0;
        if (present) {
            return;
        }
        String why = PYTHON + " with numpy is missing (apt-get install python3-numpy)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; CI must check the .npy fixtures against real numpy");
        }
        assumeTrue(false, why + "; skipped outside CI");
    }

    private static List<String> npyFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npy")).sorted().toList();
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        // Output goes to a file so that a hung process cannot block the read and the timeout holds.
        Path log = Files.createTempFile("make-fixtures", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}
