package edu.mlcourse.hw5.grader.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Python bundle's {@code check.py}, unpacked as a student gets it and run with Debian's python3
 * (skipped where it has no numpy), as a student uses it: the untouched template's short report, the
 * reference's full public points, exit code 2 for bad usage and 3 for damaged course files, and the
 * time limit. That it agrees with the grader is {@code PythonCheckAgreementTest}'s business.
 */
class PythonCheckTest {
    @RegisterExtension
    static final CheckPyBundle CHECK_PY = new CheckPyBundle();

    @Test
    void theUntouchedTemplateScoresZeroWithOneTodoMessagePerFunction() throws IOException {
        PythonBundles.Run run = CHECK_PY.check(CHECK_PY.bundle());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("  Total                                              0.00 / 36.00"), run::toString);
        for (Q1Function function : Q1Function.values()) {
            assertTrue(run.out().contains(function.pythonName() + " raised NotImplementedError: TODO: "
                    + function.pythonName()), run::toString);
        }
        assertTrue(run.out().contains("Likely cause: This function is not written yet"), run::toString);
        String q1 = run.out().substring(0, run.out().indexOf("HW5 Q2 check"));
        assertTrue(q1.lines().count() < 35, "quiet: one or two lines per function, and the first failure\n" + run);
        assertEquals("", run.err());
    }

    @Test
    void theReferenceGetsEveryPublicPoint() throws IOException {
        Path q1 = Repository.root().resolve("reference-solution/src/main/python/q1.py");
        PythonBundles.Run run = CHECK_PY.check(CHECK_PY.dir(), q1.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("  Total                                             36.00 / 36.00"), run::toString);
        assertTrue(run.out().contains("Every public case and gradient check passed."), run::toString);
        assertTrue(run.out().contains("  Public cases only: 36 of Q1's 60 points. The grader also checks hidden cases (same kinds,"
                + " other numbers) for the other 24, and scores Q2 on held-out labels only it has"), run::toString);
    }

    @Test
    void badArgumentsExitWith2AndAOneLineMessage() throws IOException {
        for (List<String> args : List.of(List.of("--no-such-option"), List.of(CHECK_PY.dir().resolve("nowhere").toString()),
                List.of(CHECK_PY.bundle().resolve("README.md").toString()), List.of("--call-timeout", "0"))) {
            PythonBundles.Run run = CHECK_PY.check(CHECK_PY.dir(), args.toArray(String[]::new));
            assertEquals(2, run.code(), () -> args + "\n" + run);
            assertEquals("", run.out(), run::toString);
            assertTrue(run.err().strip().lines().reduce((a, b) -> b).orElse("").startsWith("check.py: "), run::toString);
        }
    }

    @Test
    void missingOrDamagedCourseFilesExitWith3() throws IOException {
        Map<String, String> damages = new LinkedHashMap<>();
        damages.put("vectors/public/reluForward.json", "Checksum mismatch for ");
        damages.put("vectors/public/manifest.json", "manifest.json is missing");
        damages.put("lib/course.json", "course.json is missing or damaged");
        damages.put("lib/hw5_worker", "lib/hw5_worker is missing");
        damages.put("data/heldout/images-idx3-ubyte", "images-idx3-ubyte is listed in the manifest but missing");
        for (Map.Entry<String, String> damage : damages.entrySet()) {
            Path copy = CHECK_PY.dir().resolve("damaged-" + damage.getKey().replace('/', '-'));
            PythonBundles.copyTree(CHECK_PY.bundle(), copy);
            Path target = copy.resolve(damage.getKey());
            if (damage.getKey().endsWith(".json") && damage.getKey().startsWith("vectors/public/r")) {
                Files.writeString(target, " ", StandardOpenOption.APPEND);
            } else if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.walk(target)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(PythonCheckTest::delete);
                }
            } else {
                Files.delete(target);
            }
            PythonBundles.Run run = PythonBundles.check(copy, copy);
            assertEquals(3, run.code(), () -> damage + "\n" + run);
            assertEquals(1, run.err().strip().lines().count(), run::toString);
            assertTrue(run.err().startsWith("check.py: ") && run.err().contains(damage.getValue()), run::toString);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anEndlessLoopIsReportedAfterTheTimeLimitAndItsFunctionIsNotCalledAgain() throws IOException {
        Path submission = Files.createDirectories(CHECK_PY.dir().resolve("endless"));
        String reference = Files.readString(Repository.root().resolve("reference-solution/src/main/python/q1.py"));
        Files.writeString(submission.resolve("q1.py"), reference.replace("    return np.maximum(x, 0.0)\n",
                "    while True:\n        pass\n"));
        PythonBundles.Run run = CHECK_PY.check(CHECK_PY.dir(), submission.toString(), "--call-timeout", "0.5",
                "--verbose");
        assertEquals(0, run.code(), run::toString);
        // Within 0.5 s of computing, or 1.0 s of mostly waiting on a machine too busy to give it the CPU.
        assertTrue(run.out().contains("relu_forward did not finish within "), run::toString);
        assertTrue(run.out().contains("relu_forward was not called for this check: it did not finish within "), run::toString);
        assertTrue(run.out().contains("PASS  Q1 softmax_backward: gradient check"), run::toString);
    }
}
