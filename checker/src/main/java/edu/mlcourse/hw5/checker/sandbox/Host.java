package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Facts about the machine the grader runs on: who it runs as, which programs it has, what they may do. */
public final class Host {
    private static final List<String> PROGRAM_FOLDERS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin");

    private Host() {
    }

    /** True when the grader runs as root on Linux; false anywhere it cannot tell (Windows, macOS). */
    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A program in the system's program folders, never one from the grader's PATH, which a user may change. */
    public static Optional<Path> program(String name) {
        return PROGRAM_FOLDERS.stream().map(folder -> Path.of(folder, name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Runs {@code command} to see whether it works here.
     *
     * @return empty when it exited 0 within the timeout, else what went wrong, from its own output
     */
    static Optional<String> failureOf(List<String> command, Path directory, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
            Process process = builder.start();
            process.getOutputStream().close();
            BoundedDrain output = new BoundedDrain(process.getInputStream(), 2048, "hw5-probe-output");
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                WorkerProcess.killTree(process);
                return Optional.of(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            String said = output.text(1000).strip();
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of(said.isEmpty() ? command.get(0) + " failed with exit code " + process.exitValue()
                            : said.lines().findFirst().orElse(said));
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** {@code path} with its links followed, or as given (normalised) where it cannot be resolved. */
    static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.normalize();
        }
    }

    /** Whether every user of the machine may read {@code path}: it and every folder above it let others in. */
    static boolean readableByAll(Path path) {
        try {
            Path real = path.toRealPath();
            int mode = (Integer) Files.getAttribute(real, "unix:mode");
            boolean folder = Files.isDirectory(real);
            if ((mode & 04) == 0 || (folder && (mode & 01) == 0)) {
                return false;
            }
            for (Path parent = real.getParent(); parent != null; parent = parent.getParent()) {
                if (((Integer) Files.getAttribute(parent, "unix:mode") & 01) == 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
