package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.files.CodeLocation;
import edu.mlcourse.hw5.protocol.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Python edition's worker: the interpreter {@link PythonInterpreter} found, running the
 * worker package ({@code worker/src/main/python}, shipped in the grader's jar) as a zip
 * application copied into the scratch folder. It limits its own address space before it loads the
 * student's code, the Python counterpart of the JVM's heap limit, and numpy's BLAS runs on one
 * thread, so that its buffers stay small and one submission uses one core.
 */
public final class PythonWorker implements WorkerProgram {
    static final String ZIP_APP = "hw5-python-worker.pyz";
    /** Where the worker's sources lie in the worker module's jar. */
    private static final String RESOURCES = "hw5/python/";
    /** Memory per megabyte of the JVM's heap limit: numpy itself takes about 90 MB of address space. */
    private static final int ADDRESS_SPACE_PER_HEAP = 4;
    private static Path zipApp;

    private final PythonInterpreter interpreter;

    public PythonWorker(PythonInterpreter interpreter) {
        this.interpreter = interpreter;
    }

    /** The zip application, made on first use (see {@link RuntimeArchive}). */
    public static synchronized Path zipApp() {
        if (zipApp == null) {
            zipApp = RuntimeArchive.build(ZIP_APP, List.of(CodeLocation.of(Wire.class)),
                    name -> name.startsWith(RESOURCES) && name.endsWith(".py")
                            ? Optional.of(name.substring(RESOURCES.length())) : Optional.empty());
        }
        return zipApp;
    }

    /** Megabytes of address space the worker allows itself. */
    static int addressSpaceMegabytes(RunLimits limits) {
        return limits.heapMegabytes() * ADDRESS_SPACE_PER_HEAP;
    }

    @Override
    public void install(Path scratch) throws IOException {
        Path app = scratch.resolve(ZIP_APP);
        if (Files.notExists(app)) {
            Files.copy(zipApp(), app);
            Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Override
    public List<String> command(Path socket, Path scratch, RunLimits limits) {
        return List.of(interpreter.executable().toString(), "-I", "-B", scratch.resolve(ZIP_APP).toString(),
                "--address-space-mb=" + addressSpaceMegabytes(limits), socket.toString());
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1");
    }

    @Override
    public Path executable() {
        return interpreter.executable();
    }

    @Override
    public List<Path> runtimeFolders() {
        return List.of(interpreter.prefix());
    }

    @Override
    public WorkerVocabulary vocabulary() {
        return WorkerVocabulary.PYTHON;
    }

    @Override
    public String functionName(Q1Function function) {
        return function.pythonName();
    }

    @Override
    public String memoryLimit(RunLimits limits) {
        return addressSpaceMegabytes(limits) + " MB of memory";
    }
}
