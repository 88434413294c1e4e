package edu.mlcourse.hw5.checker.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Kernel limits on the student JVM, set with {@code prlimit}: a backstop behind the grader's own
 * time limits and the JVM's memory flags. Address space is left alone: a JVM reserves far more
 * than it uses and does not start under a tight {@code RLIMIT_AS}.
 *
 * @param processes processes and threads of the sandbox user (the JVM itself needs about 20)
 * @param fileBytes largest file it may write
 * @param openFiles open file descriptors
 * @param cpuSeconds CPU time of one student JVM, all threads together
 */
record ProcessLimits(int processes, long fileBytes, int openFiles, long cpuSeconds) {
    private static final int PROCESSES = 128;
    private static final long FILE_BYTES = 64L * 1024 * 1024;
    private static final int OPEN_FILES = 256;

    /** Enough CPU for the whole budget on every core, so the limit only ever stops a runaway JVM. */
    static ProcessLimits forBudget(Duration budget) {
        long cores = Runtime.getRuntime().availableProcessors();
        return new ProcessLimits(PROCESSES, FILE_BYTES, OPEN_FILES, (budget.toSeconds() + 1) * cores + 10);
    }

    List<String> prlimit(Path prlimit) {
        return List.of(prlimit.toString(), "--nproc=" + processes, "--fsize=" + fileBytes, "--nofile=" + openFiles,
                "--cpu=" + cpuSeconds, "--core=0", "--");
    }

    String describe() {
        return "at most " + processes + " processes and threads, " + openFiles + " open files, "
                + fileBytes / (1024 * 1024) + " MB per file and " + cpuSeconds + " s of CPU, no core dumps";
    }
}
