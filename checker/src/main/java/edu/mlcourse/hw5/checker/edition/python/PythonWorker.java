package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.sandbox.RuntimeArchive;
import edu.mlcourse.hw5.checker.sandbox.WorkerProgram;
import edu.mlcourse.hw5.checker.sandbox.WorkerVocabulary;
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
 * thread, so that its buffers stay small and one submission uses one core. For Q2's model files
 * ({@link #forModels}) it imports PyTorch first and allows itself the memory PyTorch needs.
 */
final class PythonWorker implements WorkerProgram {
    static final String ZIP_APP = "hw5-python-worker.pyz";
    /** Where the worker's sources lie in the worker module's jar. */
    private static final String RESOURCES = "hw5/python/";
    /** Memory per megabyte of the JVM's heap limit: numpy itself takes about 90 MB of address space. */
    private static final int ADDRESS_SPACE_PER_HEAP = 4;
    private static Path zipApp;

    private final PythonInterpreter interpreter;
    private final boolean torch;
    private final int fixedAddressSpace;

    private PythonWorker(PythonInterpreter interpreter, boolean torch, int fixedAddressSpace) {
        this.interpreter = interpreter;
        this.torch = torch;
        this.fixedAddressSpace = fixedAddressSpace;
    }

    /** For Q1: numpy only, memory from the run limits' heap. */
    public PythonWorker(PythonInterpreter interpreter) {
        this(interpreter, false, 0);
    }

    /** For Q2's model files: PyTorch imported first, {@code megabytes} of address space. */
    public static PythonWorker forModels(PythonInterpreter interpreter, int megabytes) {
        return new PythonWorker(interpreter, true, megabytes);
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
    int addressSpaceMegabytes(RunLimits limits) {
        return fixedAddressSpace > 0 ? fixedAddressSpace : limits.heapMegabytes() * ADDRESS_SPACE_PER_HEAP;
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
        return torch ? Map.of("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1",
                "HW5_WORKER_TORCH", "1") : Map.of("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1");
    }

    @Override
    public Path executable() {
        return interpreter.executable();
    }

    @Override
    public List<Path> runtimeFolders() {
        return interpreter.folders();
    }

    @Override
    public WorkerVocabulary vocabulary() {
        return PythonVocabulary.INSTANCE;
    }

    @Override
    public String memoryLimit(RunLimits limits) {
        return addressSpaceMegabytes(limits) + " MB of memory";
    }
}
