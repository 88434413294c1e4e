package edu.mlcourse.hw5.checker.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The CPU time used so far by the student JVM, which may run below wrappers that isolate it
 * ({@code unshare}, {@code prlimit}, {@code setpriv}). Time limits count it, so that a busy grading
 * machine, where student code gets a fraction of a core, never times out a correct function.
 */
final class JvmCpuTime {
    private final ProcessHandle launched;
    private final String javaBinary;
    private ProcessHandle jvm;

    /** @param launched the process the grader started; the JVM is it or its first descendant running java */
    JvmCpuTime(ProcessHandle launched, String javaBinary) {
        this.launched = launched;
        this.javaBinary = javaBinary;
    }

    /** The JVM's CPU time, all threads, or empty where the system does not tell (then limits fall back to elapsed time). */
    Optional<Duration> used() {
        return findJvm().flatMap(process -> process.info().totalCpuDuration());
    }

    /** Searches breadth first, so a JVM the student code started itself is never taken for the worker. */
    private Optional<ProcessHandle> findJvm() {
        if (jvm != null) {
            return Optional.of(jvm);
        }
        Deque<ProcessHandle> queue = new ArrayDeque<>();
        queue.add(launched);
        while (!queue.isEmpty()) {
            ProcessHandle process = queue.poll();
            if (process.info().command().filter(this::isJava).isPresent()) {
                jvm = process;
                return Optional.of(process);
            }
            process.children().forEach(queue::add);
        }
        return Optional.empty();
    }

    private boolean isJava(String command) {
        return command.equals(javaBinary) || Path.of(command).getFileName().toString().equals("java");
    }
}
