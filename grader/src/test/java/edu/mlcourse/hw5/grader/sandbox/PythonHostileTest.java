package edu.mlcourse.hw5.grader.sandbox;

import static edu.mlcourse.hw5.contract.Q1Function.LINEAR_BACKWARD;
import static edu.mlcourse.hw5.contract.Q1Function.LINEAR_FORWARD;
import static edu.mlcourse.hw5.contract.Q1Function.RELU_BACKWARD;
import static edu.mlcourse.hw5.contract.Q1Function.RELU_FORWARD;
import static edu.mlcourse.hw5.contract.Q1Function.SOFTMAX_BACKWARD;
import static edu.mlcourse.hw5.contract.Q1Function.SOFTMAX_FORWARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.checker.edition.python.PythonInterpreter;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python submissions that misbehave, run under the isolation the grade command picks here (as root
 * in CI: their own user, namespaces, prlimit): the misbehaving function fails with a clear message,
 * the others keep their points, and nothing the code started or wrote outlives its grading. As
 * for the Java edition, the assertions are about what was stopped and said, never about seconds.
 */
class PythonHostileTest {
    private static final Path REFERENCE = Repository.root().resolve("reference-solution/src/main/python/q1.py");
    private static final RunLimits LIMITS = Sandboxes.LIMITS;
    private static IsolationChoice isolation;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        assumeTrue(PythonInterpreter.find().isPresent(), "needs Python 3 with numpy: " + PythonInterpreter.problem());
        isolation = Sandboxes.detected(LIMITS);
    }

    /** The reference q1.py with {@code overrides} after it: a later def replaces the reference's. */
    private Path submission(String overrides) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("submission"));
        Files.writeString(folder.resolve("q1.py"), Files.readString(REFERENCE) + "\n\n" + overrides);
        return folder;
    }

    private Graded grade(String overrides, RunLimits limits) throws IOException {
        Graded graded = Sandboxes.grade(submission(overrides), limits, isolation);
        assertTrue(graded.report().graderErrors().isEmpty(), graded::describe);
        return graded;
    }

    private Graded grade(String overrides) throws IOException {
        return grade(overrides, LIMITS);
    }

    private static void onlyTheseFail(Graded graded, Q1Function... failing) {
        List<Q1Function> bad = List.of(failing);
        for (Q1Function function : Q1Function.values()) {
            if (bad.contains(function)) {
                assertTrue(graded.noneScored(function), () -> function + " should score nothing:\n" + graded.describe());
            } else {
                assertTrue(graded.allPassed(function), () -> function + " should keep its points:\n" + graded.describe());
            }
        }
    }

    private static void says(Graded graded, Q1Function function, String... phrases) {
        String feedback = graded.feedback(function);
        for (String phrase : phrases) {
            assertTrue(feedback.contains(phrase), () -> function + " should be told \"" + phrase + "\":\n" + feedback);
        }
    }

    @Test
    void anEndlessLoopASleepAndADeadlockCostOneLimitEachAndFailOnlyTheirFunction() throws IOException {
        Graded graded = grade("""
                import threading
                import time


                def linear_backward(dout, x, w, b):
                    lock = threading.Lock()
                    lock.acquire()
                    lock.acquire()


                def relu_backward(dout, x):
                    n = 0
                    while True:
                        n += 1


                def softmax_backward(dout, x):
                    time.sleep(10 ** 6)
                """);
        onlyTheseFail(graded, LINEAR_BACKWARD, RELU_BACKWARD, SOFTMAX_BACKWARD);
        says(graded, RELU_BACKWARD, "relu_backward did not finish within 2.0 s of computing: an endless loop",
                "relu_backward was not called for this check: it did not finish within 2.0 s on an earlier check");
        for (Q1Function function : List.of(LINEAR_BACKWARD, SOFTMAX_BACKWARD)) {
            says(graded, function, function.pythonName() + " did not finish within 4.0 s and spent most of it"
                    + " waiting, not computing: a sleep, a deadlock");
        }
        assertFalse(graded.describe().contains("time budget"), graded::describe);
    }

    @Test
    void exitingAndCrashingFailTheFunctionAndAFreshPythonGoesOn() throws IOException {
        Graded graded = grade("""
                import ctypes
                import os
                import sys


                def relu_forward(x):
                    print('{"score": 100.0, "tests": []}')
                    sys.exit(0)


                def linear_backward(dout, x, w, b):
                    os._exit(0)


                def relu_backward(dout, x):
                    # A crash in native code (killing itself would not do: in its own process
                    # namespace the worker is process 1, which ignores the signals it sends itself).
                    ctypes.string_at(0)
                """);
        onlyTheseFail(graded, RELU_FORWARD, LINEAR_BACKWARD, RELU_BACKWARD);
        says(graded, RELU_FORWARD, "relu_forward raised SystemExit: 0", "Functions must not call sys.exit");
        says(graded, LINEAR_BACKWARD, "the Python process running your code ended during the call (exit code 0)",
                "Functions must not call sys.exit, os._exit or os.kill",
                "linear_backward was not called for this check: it ended the Python process running your code 2 times");
        says(graded, RELU_BACKWARD, "the Python process running your code ended during the call");
        assertFalse(graded.describe().contains("score: 100"), graded::describe);
    }

    @Test
    void runningOutOfMemoryAHugeResultAndEndlessRecursionFailTheirFunctionWithAClearMessage() throws IOException {
        Graded graded = grade("""
                import sys


                def linear_forward(x, w, b):
                    hoard = []
                    while True:
                        hoard.append(bytearray(1 << 24))


                def relu_forward(x):
                    return np.zeros((3000, 2000))


                def relu_backward(dout, x):
                    hoard = []
                    while True:
                        hoard.append(np.ones((1024, 1024)))


                def softmax_forward(x):
                    return softmax_forward(x)


                def softmax_backward(dout, x):
                    sys.setrecursionlimit(10 ** 8)

                    def deeper(n):
                        return deeper(n + 1) + 1
                    return deeper(0)
                """);
        onlyTheseFail(graded, LINEAR_FORWARD, RELU_FORWARD, RELU_BACKWARD, SOFTMAX_FORWARD, SOFTMAX_BACKWARD);
        says(graded, LINEAR_FORWARD, "linear_forward raised MemoryError", "far more memory than the inputs call for");
        // numpy raises its private _ArrayMemoryError: the student is told of the public MemoryError.
        says(graded, RELU_BACKWARD, "relu_backward raised MemoryError: Unable to allocate",
                "far more memory than the inputs call for");
        says(graded, RELU_FORWARD, "relu_forward returned something the grader cannot use: it returned more than"
                + " 4000000 numbers");
        says(graded, SOFTMAX_FORWARD, "softmax_forward raised RecursionError", "The recursion never stops?");
        // Python 3.11 recurses on the heap: with the limit raised, it computes until a limit stops it.
        says(graded, SOFTMAX_BACKWARD, "softmax_backward");
    }

    @Test
    void floodsOfOutputAreCutToAboutTenKilobytes() throws IOException {
        Graded graded = grade("""
                import os
                import sys
                _flooded = []


                def relu_forward(x):
                    if not _flooded:
                        _flooded.append(True)
                        chunk = "x" * (1 << 20)
                        for _ in range(100):
                            sys.stdout.write(chunk)
                            sys.stderr.write(chunk)
                            os.write(1, chunk.encode())
                            os.write(2, chunk.encode())
                    return np.maximum(x, 0.0)
                """, Sandboxes.ROOMY);
        onlyTheseFail(graded);
        String notes = graded.notes();
        int start = notes.indexOf("Your Q1 code printed this");
        assertTrue(start >= 0, notes);
        String printed = notes.substring(start, notes.indexOf("not shown]", start) + "not shown]".length());
        assertTrue(printed.length() < 11 * 1024, () -> "printed output shown: " + printed.length() + " characters");
        Matcher dropped = Pattern.compile("\\[\\.\\.\\. about (\\d+) more bytes of output not shown]").matcher(printed);
        assertTrue(dropped.find(), printed);
        assertTrue(Long.parseLong(dropped.group(1)) > 190L << 20, printed);
    }

    @Test
    void childProcessesAndForgedFilesDoNotOutliveGrading() throws IOException {
        String marker = Sandboxes.marker();
        Graded graded;
        try {
            graded = grade("""
                    import os
                    import subprocess
                    _started = []


                    def relu_forward(x):
                        if not _started:
                            _started.append(True)
                            subprocess.Popen(["sh", "-c", "while :; do sleep 1; done", "MARKER-child"])
                            if os.fork() == 0:
                                os.setsid()
                                if os.fork() == 0:
                                    os.execvp("sh", ["sh", "-c", "while :; do sleep 1; done", "MARKER-orphan"])
                                os._exit(0)
                            for name in ["results.json", "/autograder/results/results.json", "../results.json"]:
                                try:
                                    with open(name, "w") as f:
                                        f.write('{"score": 100.0}')
                                    print("WROTE", name)
                                except OSError as e:
                                    print("DENIED", name, type(e).__name__)
                            print("CWD", os.getcwd())
                        return np.maximum(x, 0.0)
                    """.replace("MARKER", marker), Sandboxes.ROOMY);
        } finally {
            if (!Sandboxes.isRoot()) {
                Sandboxes.cleanUp(marker);
            }
        }
        onlyTheseFail(graded);
        String notes = graded.notes();
        assertTrue(notes.contains("WROTE results.json"), notes);
        assertEquals(List.of(), Sandboxes.processesWith(marker + "-child"), "the child process should be gone");
        assumeTrue(Sandboxes.isRoot(), "the other protections need a grader running as root; checked in CI");
        assertEquals(List.of(), Sandboxes.processesWith(marker), "even the double-forked process should be gone");
        assertTrue(notes.contains("DENIED /autograder/results/results.json"), notes);
        assertFalse(Files.exists(Path.of("/autograder")), "nothing may create /autograder");
        String cwd = notes.lines().filter(l -> l.startsWith("CWD ")).findFirst().orElseThrow().substring(4);
        assertFalse(Files.exists(Path.of(cwd)), "the scratch folder " + cwd + " should be removed");
    }

    @Test
    void aForkThatIsNeverJoinedAnswersNothing() throws IOException {
        // The forked copy returns into the worker's loop too; were it to answer, later calls would
        // be paired with the wrong results and correct functions would lose points.
        Graded graded = grade("""
                import os


                def relu_backward(dout, x):
                    os.fork()
                    return np.where(x > 0, dout, 0.0)
                """, Sandboxes.ROOMY);
        onlyTheseFail(graded);
    }

    @Test
    void answersAndTheNetworkAreOutOfReach() throws IOException {
        assumeTrue(isolation.level() == IsolationChoice.Level.NAMESPACES, "namespaces need a grader running as root");
        Path hidden = Repository.vectors().resolve("hidden/linearForward.json");
        Path labels = Repository.root().resolve("heldout/hidden/labels-idx1-ubyte");
        Graded graded = grade("""
                import socket
                _probed = []


                def relu_forward(x):
                    if not _probed:
                        _probed.append(True)
                        for name in ["HIDDEN", "LABELS", "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"]:
                            try:
                                open(name, "rb").read()
                                print("READ", name)
                            except OSError as e:
                                print("DENIED", name, type(e).__name__)
                        try:
                            socket.create_connection(("127.0.0.1", 22), timeout=1).close()
                            print("NET connected")
                        except OSError as e:
                            print("NET failed", e)
                    return np.maximum(x, 0.0)
                """.replace("HIDDEN", hidden.toString()).replace("LABELS", labels.toString()), Sandboxes.ROOMY);
        onlyTheseFail(graded);
        String notes = graded.notes();
        assertFalse(notes.contains("READ "), notes);
        assertTrue(notes.contains("DENIED " + hidden), notes);
        assertTrue(notes.contains("DENIED " + labels), notes);
        assertTrue(notes.contains("NET failed"), notes);
    }
}
