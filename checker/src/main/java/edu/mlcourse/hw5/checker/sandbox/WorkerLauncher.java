package edu.mlcourse.hw5.checker.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the process that runs student code: a small JVM whose class path is the student runtime. */
public final class WorkerLauncher {
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

    ProcessBuilder processFor(Path socket, Path scratch) {
        List<String> java = new ArrayList<>(List.of(javaBinary,
                "-Xmx" + limits.heapMegabytes() + "m", "-Xss1m", "-XX:MaxMetaspaceSize=128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-XX:ErrorFile=" + scratch.resolve("hs_err.log"),
                "-Djava.io.tmpdir=" + scratch, "-Duser.home=" + scratch, "-Djava.awt.headless=true",
                "-cp", runtimeJar.toString(), "edu.mlcourse.hw5.worker.WorkerMain", socket.toString()));
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
