package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.sandbox.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Python that runs Python submissions: the first of {@code $HW5_PYTHON}, Debian's
 * {@code /usr/bin/python3} and the {@code python3} on the PATH that can import numpy. Found once
 * per grader process. Where there is none, Python submissions cannot be graded on this machine,
 * which is the machine's failing, never the student's.
 *
 * @param executable the interpreter as it names itself ({@code sys.executable}): in a virtual
 *     environment its {@code bin/python3}, not the base interpreter that link leads to, which
 *     would run without the environment's packages
 * @param folders what it runs from: {@code sys.prefix}, its packages (a virtual environment's
 *     folder), and {@code sys.base_prefix}, its standard library; both must be visible in the sandbox
 * @param version e.g. {@code Python 3.11.2, numpy 1.24.2}
 */
public record PythonInterpreter(Path executable, List<Path> folders, String version) {
    /** Names an interpreter to use instead of looking for one. */
    public static final String VARIABLE = "HW5_PYTHON";
    /** What to install where none is found, for the message to the course staff. */
    public static final String HOW_TO_INSTALL = "install Python 3 with numpy (Debian: apt-get install python3 python3-numpy),"
            + " or name an interpreter that has numpy in $" + VARIABLE;
    /**
     * Finds numpy and its version without importing it where the installation says which it is:
     * the probe is on the way to every Python submission's first worker, and the import would double
     * its time. The workers import numpy themselves.
     */
    private static final String PROBE = """
            import sys, platform, importlib.util
            if importlib.util.find_spec('numpy') is None:
                sys.exit("ModuleNotFoundError: No module named 'numpy'")
            try:
                from importlib.metadata import version
                numpy = version('numpy')
            except Exception:
                import numpy
                numpy = numpy.__version__
            print(sys.executable)
            print(sys.prefix)
            print(sys.base_prefix)
            print('Python %s, numpy %s' % (platform.python_version(), numpy))
            """;

    public PythonInterpreter {
        folders = List.copyOf(folders);
    }

    private static Optional<PythonInterpreter> found;
    private static String problem;
    private static Optional<String> torch;

    /** The interpreter, or empty with {@link #problem()} saying why. */
    public static synchronized Optional<PythonInterpreter> find() {
        if (found == null) {
            List<String> tried = new ArrayList<>();
            found = Optional.empty();
            for (Path candidate : candidates()) {
                Optional<PythonInterpreter> interpreter = probe(candidate, tried);
                if (interpreter.isPresent()) {
                    found = interpreter;
                    break;
                }
            }
            problem = "no Python 3 with numpy was found (" + (tried.isEmpty() ? "no python3 at all" : String.join("; ", tried))
                    + "): " + HOW_TO_INSTALL + ".";
        }
        return found;
    }

    /** Why {@link #find()} found nothing. */
    public static synchronized String problem() {
        find();
        return problem;
    }

    /**
     * PyTorch's version, when this interpreter can import it (Debian: python3-torch); probed once,
     * in a process of its own (the import takes over a second): for tests and tools. Grading learns
     * it from the model worker ({@link SandboxedTorchModels}).
     */
    public synchronized Optional<String> torch() {
        if (torch == null) {
            torch = Optional.empty();
            try {
                Process process = new ProcessBuilder(executable.toString(), "-I", "-B", "-c",
                        "import torch; print(torch.__version__)").redirectErrorStream(true).start();
                process.getOutputStream().close();
                byte[] output = process.getInputStream().readNBytes(64 * 1024);
                if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    List<String> lines = new String(output, StandardCharsets.UTF_8).strip().lines().toList();
                    torch = lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
                } else {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                torch = Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return torch;
    }

    private static Set<Path> candidates() {
        Set<Path> candidates = new LinkedHashSet<>();
        Optional.ofNullable(System.getenv(VARIABLE)).filter(v -> !v.isBlank()).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of("/usr/bin/python3"));
        Host.program("python3").ifPresent(candidates::add);
        return candidates;
    }

    static Optional<PythonInterpreter> probe(Path candidate, List<String> tried) {
        if (!Files.isExecutable(candidate)) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(candidate.toString(), "-I", "-B", "-c", PROBE)
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(64 * 1024);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                tried.add(candidate + " did not answer");
                return Optional.empty();
            }
            List<String> lines = new String(output, StandardCharsets.UTF_8).strip().lines().toList();
            if (process.exitValue() != 0 || lines.size() < 4) {
                tried.add(candidate + (lines.isEmpty() ? " failed" : ": " + lines.get(lines.size() - 1)));
                return Optional.empty();
            }
            // The last four lines: anything a site hook printed before them is not the probe's.
            List<String> answer = lines.subList(lines.size() - 4, lines.size());
            Path prefix = Path.of(answer.get(1));
            Path basePrefix = Path.of(answer.get(2));
            // sys.executable is empty where Python cannot tell; the candidate then names it.
            Path executable = answer.get(0).isBlank() ? candidate.toAbsolutePath() : Path.of(answer.get(0));
            return Optional.of(new PythonInterpreter(executable, prefix.equals(basePrefix) ? List.of(prefix)
                    : List.of(prefix, basePrefix), answer.get(3)));
        } catch (IOException e) {
            tried.add(candidate + ": " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
