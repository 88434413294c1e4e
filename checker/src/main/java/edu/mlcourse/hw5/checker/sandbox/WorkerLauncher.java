package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the process that runs student code: the edition's {@link WorkerProgram}, installed in the
 * scratch folder, wrapped by the {@link Isolation} in force, in an environment of its own.
 */
public final class WorkerLauncher {
    private final WorkerProgram program;
    private final RunLimits limits;
    private final Isolation isolation;

    public WorkerLauncher(WorkerProgram program, RunLimits limits, Isolation isolation) {
        this.program = program;
        this.limits = limits;
        this.isolation = isolation;
    }

    public Isolation isolation() {
        return isolation;
    }

    public RunLimits limits() {
        return limits;
    }

    public WorkerProgram program() {
        return program;
    }

    ProcessBuilder processFor(Path socket, Path scratch) throws IOException {
        program.install(scratch);
        Launch launch = new Launch(program.command(socket, scratch, limits), program.runtimeFolders());
        ProcessBuilder builder = new ProcessBuilder(isolation.wrap(launch, scratch));
        builder.directory(scratch.toFile());
        // The student code inherits nothing of the grader's environment (paths, tokens).
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", scratch.toString());
        env.putAll(program.environment());
        return builder;
    }
}
