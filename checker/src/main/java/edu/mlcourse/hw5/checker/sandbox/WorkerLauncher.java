package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the process that runs student code: a small JVM whose class path is the student runtime,
 * copied into the scratch folder so that an isolated JVM needs nothing outside it but Java itself.
 */
public final class WorkerLauncher {
    static final String RUNTIME_JAR = "student-runtime.jar";

    private final Path runtimeJar;
    private final RunLimits limits;
    private final Isolation isolation;
    private final String javaBinary;

    public WorkerLauncher(Path runtimeJar, RunLimits limits, Isolation isolation) {
        this.runtimeJar = runtimeJar;
        this.limits = limits;
        this.isolation = isolation;
        this.javaBinary = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public Isolation isolation() {
        return isolation;
    }

    public RunLimits limits() {
        return limits;
    }

    /** The java command the student JVM runs (this JVM's own). */
    String javaBinary() {
        return javaBinary;
    }

    ProcessBuilder processFor(Path socket, Path scratch) throws IOException {
        Path jar = scratch.resolve(RUNTIME_JAR);
        if (Files.notExists(jar)) {
            Files.copy(runtimeJar, jar);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> java = new ArrayList<>(List.of(javaBinary,
                "-Xmx" + limits.heapMegabytes() + "m", "-Xss1m", "-XX:MaxMetaspaceSize=128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-XX:ErrorFile=" + scratch.resolve("hs_err.log"),
                "-Djava.io.tmpdir=" + scratch, "-Duser.home=" + scratch, "-Djava.awt.headless=true",
                "-cp", jar.toString(), "edu.mlcourse.hw5.worker.WorkerMain", socket.toString()));
        ProcessBuilder builder = new ProcessBuilder(isolation.wrap(java, scratch));
        builder.directory(scratch.toFile());
        // The student code inherits nothing of the grader's environment (paths, tokens).
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", scratch.toString());
        return builder;
    }
}
