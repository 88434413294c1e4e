package edu.mlcourse.hw5.grader.sandbox;

import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.IsolationDetector;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.grader.GraderFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What the hostile tests share: short limits, the environment's isolation, and a look at leftover processes. */
final class Sandboxes {
    /**
     * For submissions in which some function must be stopped: a short call limit, so that the suite
     * stays fast. The limit counts the student JVM's CPU time, and a correct function here needs
     * milliseconds of it, so a machine busy with other work never stops one (a stopped endless loop
     * just takes longer). The budget (elapsed time in calls) is far beyond what a few stopped
     * functions cost even on a machine so busy that each gets a twentieth of a core, so whether it
     * is reached never depends on the machine; tests that want it reached set their own.
     */
    static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(600), 128);
    /**
     * For submissions in which nothing should be stopped but whose calls do slow things (flood the
     * output, start processes, open sockets): limits that no machine, however busy, comes near.
     */
    static final RunLimits ROOMY = new RunLimits(Duration.ofSeconds(60), Duration.ofSeconds(600), 128);

    private Sandboxes() {
    }

    /** The isolation the grade command would pick here: namespaces in CI (root), none on a laptop. */
    static IsolationChoice detected(RunLimits limits) {
        return IsolationDetector.detect(limits, List.of());
    }

    static IsolationChoice atMost(IsolationChoice.Level level, RunLimits limits, List<Path> graderFiles) {
        return IsolationDetector.detect(limits, graderFiles, level);
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    static Graded grade(Path submission, RunLimits limits, IsolationChoice isolation) {
        long start = System.nanoTime();
        var report = GraderFixtures.q1Pipeline(limits, isolation).grade(submission);
        return new Graded(report, (System.nanoTime() - start) / 1e9);
    }

    /** A string to put in a command line and look for afterwards. */
    static String marker() {
        return "hw5-hostile-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Live processes whose command line contains {@code text}. */
    static List<ProcessHandle> processesWith(String text) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false)).toList();
    }

    /** Ends processes a test's submission started and the isolation in force was not meant to end. */
    static void cleanUp(String marker) {
        processesWith(marker).forEach(ProcessHandle::destroyForcibly);
    }
}
