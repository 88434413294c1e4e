package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The CPU time used so far by the worker (the student JVM, or the Python running the student's
 * code), which may run below wrappers that isolate it ({@code unshare}, {@code prlimit},
 * {@code setpriv}). Time limits count it, so that a busy grading machine, where student code gets
 * a fraction of a core, never times out a correct function.
 */
final class WorkerCpuTime {
    private final ProcessHandle launched;
    private final Path executable;
    private ProcessHandle worker;

    /**
     * @param launched the process the grader started; the worker is it or its first descendant
     *     running {@code executable}
     */
    WorkerCpuTime(ProcessHandle launched, Path executable) {
        this.launched = launched;
        // The file the worker's process reports as its command: links followed, so python3, or a
        // virtual environment's bin/python3, is found as python3.11.
        this.executable = Host.realPath(executable);
    }

    /** The worker's CPU time, all threads, or empty where the system does not tell (then limits fall back to elapsed time). */
    Optional<Duration> used() {
        return findWorker().flatMap(process -> process.info().totalCpuDuration());
    }

    /**
     * How long the worker's threads have been ready to run but waited for a core (Linux's
     * {@code /proc/PID/task/TID/schedstat}, second field), or empty where the system does not tell.
     * On a machine busy with other work this is where a starved endless loop's time goes.
     */
    Optional<Duration> queued() {
        Optional<ProcessHandle> process = findWorker();
        if (process.isEmpty()) {
            return Optional.empty();
        }
        long nanos = 0;
        boolean any = false;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.get().pid()), "task"))) {
            for (Path task : tasks) {
                try {
                    String[] fields = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
                    if (fields.length >= 2) {
                        nanos += Long.parseLong(fields[1]);
                        any = true;
                    }
                } catch (IOException | NumberFormatException threadEnded) {
                    // A thread that ended meanwhile no longer counts.
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
        return any ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    /** Searches breadth first, so a process the student code started itself is never taken for the worker. */
    private Optional<ProcessHandle> findWorker() {
        if (worker != null) {
            return Optional.of(worker);
        }
        Deque<ProcessHandle> queue = new ArrayDeque<>();
        queue.add(launched);
        while (!queue.isEmpty()) {
            ProcessHandle process = queue.poll();
            if (process.info().command().filter(this::isWorker).isPresent()) {
                worker = process;
                return Optional.of(process);
            }
            process.children().forEach(queue::add);
        }
        return Optional.empty();
    }

    /** By name: inside a mount namespace the path may read differently from the host's. */
    private boolean isWorker(String command) {
        Path path = Path.of(command);
        return path.equals(executable) || path.getFileName() != null && path.getFileName().equals(executable.getFileName());
    }
}
