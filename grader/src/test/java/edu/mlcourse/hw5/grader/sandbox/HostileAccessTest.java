package edu.mlcourse.hw5.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice.Level;
import edu.mlcourse.hw5.checker.sandbox.IsolationDetector;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.files.CodeLocation;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.checker.grading.Q1Part;
import edu.mlcourse.hw5.grader.cli.GraderCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A submission that, while returning correct results, looks around: it reads the answers and the
 * grader's files, writes results files, connects to the grader's machine, and starts threads, a
 * child process and a double-forked one. Run under every isolation this machine allows; what it
 * may reach depends on the isolation, what must hold everywhere is asserted everywhere.
 */
class HostileAccessTest {
    @TempDir
    Path dir;

    /** The detected isolation, and as root the weaker one Gradescope's Docker gives too. */
    static Stream<Level> levels() {
        Level detected = Sandboxes.detected(Sandboxes.LIMITS).level();
        return detected == Level.NAMESPACES ? Stream.of(Level.NAMESPACES, Level.USER) : Stream.of(detected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void theCodeSeesAndKeepsOnlyWhatItsIsolationAllows(Level level) throws IOException {
        String marker = Sandboxes.marker();
        Path rootOnly = Files.createDirectories(dir.resolve("root-only"));
        Path secret = Files.writeString(rootOnly.resolve("secret.txt"), "42");
        Path resultsFolder = Files.createDirectories(dir.resolve("autograder/results"));
        Files.writeString(resultsFolder.resolve("results.json"), "{\"score\": 0}");
        Map<String, Path> secrets = secrets(secret);
        secrets.put("the results folder", resultsFolder);
        Path control = Path.of(System.getProperty("java.home"), "release");
        List<String> writes = new ArrayList<>(List.of("results.json"));
        // Refused when protected: folders of root's.
        List<String> refused = List.of("../../results.json", "/results.json", "/autograder/results/results.json");
        // The grader's folders (refused, or private to the sandbox) and those every user may write to (allowed,
        // but cleaned): whatever the code could write there, nothing may be left on the grader's machine.
        List<String> leftovers = List.of(rootOnly.resolve("results.json").toString(),
                "../" + marker + "-results.json", "/tmp/" + marker + "-left", "/dev/shm/" + marker + "-left");
        if (level != Level.NONE) {
            writes.addAll(refused);
            writes.addAll(leftovers);
        }
        IsolationChoice isolation = Sandboxes.atMost(level, Sandboxes.ROOMY, List.of(Repository.vectors()));
        assertEquals(level, isolation.level());
        Graded graded;
        try (ServerSocket graderPort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path submission = HostileSubmission.write(dir, probe(marker, secrets.values(), control, writes,
                    graderPort.getLocalPort()));
            graded = Sandboxes.grade(submission, Sandboxes.ROOMY, isolation);
        } finally {
            if (level == Level.NONE) {
                Sandboxes.cleanUp(marker);
            }
        }
        String said = graded.notes();
        for (Q1Function function : Q1Function.values()) {
            assertTrue(graded.allPassed(function), graded::describe);
        }
        String environment = line(said, "ENV ");
        assertTrue(environment.matches("\\[HOME, LANG, PATH(, PWD)?]"), "nothing of the grader's environment: " + environment);
        assertTrue(said.contains("SEEN 2 " + marker), "the child and the double-forked process should have run:\n" + said);
        assertTrue(said.contains("READ " + control), said);
        assertTrue(said.contains("WROTE results.json"), said);
        // Class data sharing still works where it applies: the JVM starts as fast as outside.
        assertTrue(level == Level.NONE || line(said, "VM ").contains("sharing"), said);
        Path scratch = Path.of(line(said, "CWD "));
        assertFalse(Files.exists(scratch), "the scratch folder " + scratch + " should be removed");
        assertEquals(List.of(), Sandboxes.processesWith(scratch.toString()), "the student JVM should be gone");
        assertEquals(List.of(), Sandboxes.processesWith(marker + "-child"), "the child process should be gone");
        assumeTrue(level != Level.NONE, "the protections need a grader running as root; checked in CI");
        int uid = Integer.parseInt(line(said, "UID ").split("\\s+")[0]);
        assertTrue(uid >= 60_200 && uid < 60_700, "runs as a sandbox user, not " + uid);
        assertEquals(List.of(), Sandboxes.processesWith(marker), "even the double-forked process should be gone");
        // What only root may read is out of reach at every level.
        for (String rootOnlyFile : List.of("a root-only file", "the results folder", "~/.m2")) {
            assertTrue(said.contains("DENIED " + secrets.get(rootOnlyFile)), () -> rootOnlyFile + ":\n" + said);
        }
        for (String write : refused) {
            assertTrue(said.contains("DENIED " + write), () -> write + " should not be writable:\n" + said);
        }
        for (String write : leftovers) {
            Path onHost = scratch.resolve(write).normalize();
            assertFalse(Files.exists(onHost), onHost + " should not be left after grading");
        }
        assertFalse(Files.exists(Path.of("/autograder")), "nothing may create /autograder");
        if (level == Level.USER) {
            // The limits of running without namespaces: the network, and files every user may read.
            assertTrue(said.contains("NET connected"), said);
            assertTrue(said.contains("Not in force: network and file namespaces"), said);
            assertTrue(said.contains("Warning for the course staff: " + Repository.vectors() + " belongs to the grader"),
                    said);
            return;
        }
        assertTrue(said.contains("NET failed"), said);
        for (Map.Entry<String, Path> entry : secrets.entrySet()) {
            assertTrue(said.contains("DENIED " + entry.getValue()), () -> entry.getKey() + " should be hidden:\n" + said);
        }
        assertEquals(List.of("READ " + control), said.lines().filter(l -> l.startsWith("READ ")).toList(),
                "only the control file may be read");
    }

    /** What the student code must not read: the answers, the grader and its data. */
    private Map<String, Path> secrets(Path rootOnly) {
        Map<String, Path> secrets = new LinkedHashMap<>();
        secrets.put("a root-only file", rootOnly);
        secrets.put("the hidden vectors", Repository.vectors().resolve("hidden/linearForward.json"));
        secrets.put("the held-out labels", Repository.root().resolve("heldout/hidden/labels-idx1-ubyte"));
        secrets.put("Debian's Fashion-MNIST test labels", IsolationDetector.FASHION_MNIST_TEST_LABELS);
        secrets.put("the rubric", Repository.root().resolve(
                "checker/src/main/resources/edu/mlcourse/hw5/checker/scoring/default-rubric.json"));
        secrets.put("the vectors bundled in the grader's classes",
                CodeLocation.of(GraderCommand.class).resolve("assignment/test-vectors/hidden/linearForward.json"));
        secrets.put("the grader's code", CodeLocation.of(GraderCommand.class));
        secrets.put("the checker's code", CodeLocation.of(Q1Part.class));
        secrets.put("~/.m2", Path.of(System.getProperty("user.home"), ".m2/repository"));
        secrets.put("the repository", Repository.root());
        return secrets;
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in:\n" + text)).substring(prefix.length());
    }

    /** reluForward, correct, but on its first call it reports what it can reach, one line each. */
    private static String probe(String marker, java.util.Collection<Path> reads, Path control, List<String> writes,
                                int port) {
        String readList = Stream.concat(reads.stream(), Stream.of(control)).map(p -> literal(p.toString()))
                .collect(Collectors.joining(", "));
        String writeList = writes.stream().map(HostileAccessTest::literal).collect(Collectors.joining(", "));
        return """
                private static boolean probed;
                public static double[][] reluForward(double[][] x) {
                    if (!probed) {
                        probed = true;
                        probe();
                    }
                    return Q1Reference.reluForward(x);
                }
                private static void probe() {
                    try {
                        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                            if (line.startsWith("Uid:")) {
                                System.out.println("UID " + line.substring(4).strip());
                            }
                        }
                    } catch (Exception e) {
                        System.out.println("UID unknown " + e);
                    }
                    System.out.println("ENV " + new java.util.TreeSet<>(System.getenv().keySet()));
                    System.out.println("VM " + System.getProperty("java.vm.info"));
                    System.out.println("CWD " + java.nio.file.Path.of("").toAbsolutePath());
                    for (String name : new String[] {READS}) {
                        java.nio.file.Path path = java.nio.file.Path.of(name);
                        try {
                            if (java.nio.file.Files.isDirectory(path)) {
                                java.nio.file.Files.list(path).close();
                            } else {
                                java.nio.file.Files.readAllBytes(path);
                            }
                            System.out.println("READ " + name);
                        } catch (Exception e) {
                            System.out.println("DENIED " + name + " " + e.getClass().getSimpleName());
                        }
                    }
                    for (String name : new String[] {WRITES}) {
                        try {
                            java.nio.file.Path path = java.nio.file.Path.of(name);
                            if (path.getParent() != null) {
                                java.nio.file.Files.createDirectories(path.getParent());
                            }
                            java.nio.file.Files.writeString(path, "{\\"score\\": 100.0}");
                            System.out.println("WROTE " + name);
                        } catch (Exception e) {
                            System.out.println("DENIED " + name + " " + e.getClass().getSimpleName());
                        }
                    }
                    try (java.net.Socket socket = new java.net.Socket()) {
                        socket.connect(new java.net.InetSocketAddress("127.0.0.1", PORT), 1000);
                        System.out.println("NET connected");
                    } catch (Exception e) {
                        System.out.println("NET failed " + e);
                    }
                    for (int i = 0; i < 20; i++) {
                        new Thread(() -> {
                            try {
                                Thread.sleep(Long.MAX_VALUE);
                            } catch (InterruptedException e) {
                                System.out.println("interrupted");
                            }
                        }).start();
                    }
                    try {
                        new ProcessBuilder("sh", "-c", "while :; do sleep 1; done", "MARKER-child").start();
                        new ProcessBuilder("setsid", "sh", "-c", "sh -c 'while :; do sleep 1; done' MARKER-orphan &").start()
                                .waitFor();
                        Thread.sleep(200);
                    } catch (Exception e) {
                        System.out.println("could not start processes: " + e);
                    }
                    long seen = ProcessHandle.allProcesses()
                            .filter(p -> p.info().commandLine().orElse("").contains("MARKER")).count();
                    System.out.println("SEEN " + seen + " MARKER");
                }
                """.replace("READS", readList).replace("WRITES", writeList).replace("PORT", String.valueOf(port))
                .replace("MARKER", marker);
    }

    private static String literal(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
