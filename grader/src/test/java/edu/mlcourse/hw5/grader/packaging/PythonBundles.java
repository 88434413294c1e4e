package edu.mlcourse.hw5.grader.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** For tests of the Python student bundle: building and unpacking it, and running Debian's python3 with numpy. */
public final class PythonBundles {
    /** Debian's Python, which has numpy; the {@code python3} first on the PATH may not. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean hasNumpy;

    private PythonBundles() {
    }

    /** Output and exit code of a process. */
    public record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    public static synchronized boolean pythonHasNumpy() {
        if (hasNumpy == null) {
            try {
                hasNumpy = Files.isExecutable(PYTHON) && run(Path.of("."), PYTHON.toString(), "-c", "import numpy").code() == 0;
            } catch (IOException e) {
                hasNumpy = false;
            }
        }
        return hasNumpy;
    }

    public static Run run(Path workingDir, String... command) throws IOException {
        return run(workingDir, List.of(command));
    }

    public static Run run(Path workingDir, List<String> command) throws IOException {
        return run(workingDir, Map.of(), command);
    }

    /** Runs {@code command} with {@code environment} added to this process's environment. */
    public static Run run(Path workingDir, Map<String, String> environment, List<String> command) throws IOException {
        Path out = Files.createTempFile("hw5-run", ".out");
        Path err = Files.createTempFile("hw5-run", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
            builder.environment().putAll(environment);
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish within 10 minutes: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs {@code check.py} of an unpacked bundle with Debian's python3, from {@code workingDir}. */
    public static Run check(Path bundle, Path workingDir, String... args) throws IOException {
        return check(Map.of(), bundle, workingDir, args);
    }

    /** Runs {@code check.py} as {@link #check(Path, Path, String...)} does, with {@code environment} added. */
    public static Run check(Map<String, String> environment, Path bundle, Path workingDir, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), bundle.resolve("check.py").toString()));
        command.addAll(List.of(args));
        return run(workingDir, environment, command);
    }

    /** The entries of a zip, by name (no leading slash). */
    public static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (FileSystem fs = FileSystems.newFileSystem(zip); Stream<Path> files = Files.walk(fs.getPath("/"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(file.toString().substring(1), Files.readAllBytes(file));
            }
        }
        return entries;
    }

    /** Builds the Python bundle from this repository and unpacks it into {@code dir}; returns the bundle's folder. */
    public static Path buildAndUnpack(Path dir) throws IOException {
        Path zip = dir.resolve("hw5-student-python.zip");
        PythonStudentBundle.write(Repository.root(), zip);
        for (Map.Entry<String, byte[]> entry : entries(zip).entrySet()) {
            Path target = dir.resolve(entry.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, entry.getValue());
        }
        Path bundle = dir.resolve(PythonStudentBundle.ROOT);
        assertTrue(Files.isRegularFile(bundle.resolve("check.py")), "the bundle holds check.py");
        return bundle;
    }

    /** A copy of a folder tree. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
