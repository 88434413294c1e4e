package edu.mlcourse.hw5.checker.edition.java;

import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.sandbox.RuntimeArchive;
import edu.mlcourse.hw5.checker.sandbox.WorkerProgram;
import edu.mlcourse.hw5.checker.sandbox.WorkerVocabulary;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.files.CodeLocation;
import edu.mlcourse.hw5.worker.WorkerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Java edition's worker: a small JVM whose class path is the worker and the contract only
 * ({@code student-runtime.jar}, copied into the scratch folder), with a heap limit.
 */
public final class JavaWorker implements WorkerProgram {
    static final String RUNTIME_JAR = "student-runtime.jar";
    private static final List<String> PACKAGES = List.of("edu/mlcourse/hw5/invocation/", "edu/mlcourse/hw5/protocol/",
            "edu/mlcourse/hw5/worker/", "edu/mlcourse/hw5/contract/", "hw5/LinearGrads.class");
    private static Path runtimeJar;

    private final Path javaBinary;

    public JavaWorker() {
        this.javaBinary = Path.of(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    }

    /** The runtime jar, made on first use (see {@link RuntimeArchive}); call early to overlap it with other work. */
    public static synchronized Path runtimeJar() {
        if (runtimeJar == null) {
            Set<Path> sources = new LinkedHashSet<>();
            // In a fat jar all three come from one file; in Maven's folders, from three.
            for (Class<?> anchor : List.of(WorkerMain.class, Q1Function.class, linearGrads())) {
                sources.add(CodeLocation.of(anchor));
            }
            runtimeJar = RuntimeArchive.build(RUNTIME_JAR, List.copyOf(sources),
                    name -> name.endsWith(".class") && PACKAGES.stream().anyMatch(name::startsWith)
                            ? Optional.of(name) : Optional.empty());
        }
        return runtimeJar;
    }

    /** The folder or jar that holds the official {@code hw5.LinearGrads}, the compile class path. */
    public static Path contractLocation() {
        return CodeLocation.of(Q1Function.class);
    }

    private static Class<?> linearGrads() {
        try {
            return Class.forName(Q1Function.LINEAR_GRADS_CLASS_NAME);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("hw5.LinearGrads is missing from the grader's class path", e);
        }
    }

    @Override
    public void install(Path scratch) throws IOException {
        Path jar = scratch.resolve(RUNTIME_JAR);
        if (Files.notExists(jar)) {
            Files.copy(runtimeJar(), jar);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Override
    public List<String> command(Path socket, Path scratch, RunLimits limits) {
        return List.of(javaBinary.toString(),
                "-Xmx" + limits.heapMegabytes() + "m", "-Xss1m", "-XX:MaxMetaspaceSize=128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-XX:ErrorFile=" + scratch.resolve("hs_err.log"),
                "-Djava.io.tmpdir=" + scratch, "-Duser.home=" + scratch, "-Djava.awt.headless=true",
                "-cp", scratch.resolve(RUNTIME_JAR).toString(), WorkerMain.class.getName(), socket.toString());
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public Path executable() {
        return javaBinary;
    }

    @Override
    public List<Path> runtimeFolders() {
        return List.of(Path.of(System.getProperty("java.home")));
    }

    @Override
    public WorkerVocabulary vocabulary() {
        return JavaVocabulary.INSTANCE;
    }

    @Override
    public String memoryLimit(RunLimits limits) {
        return limits.heapMegabytes() + " MB of heap";
    }
}
