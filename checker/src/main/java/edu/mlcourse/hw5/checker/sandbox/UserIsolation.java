package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For a grader that is root but may not create namespaces (Docker's default seccomp profile, so
 * Gradescope): the student JVM runs as a sandbox user of its own, within {@link ProcessLimits}, and
 * every process of that user is ended after it. It shares the network and sees every file that
 * all users may read, so the grader's data must be readable by root only.
 */
final class UserIsolation implements Isolation {
    private final Path setpriv;
    private final Path prlimit;
    private final ProcessLimits limits;

    UserIsolation(Path setpriv, Path prlimit, ProcessLimits limits) {
        this.setpriv = setpriv;
        this.prlimit = prlimit;
        this.limits = limits;
    }

    @Override
    public List<String> wrap(Launch launch, Path scratch) {
        List<String> command = new ArrayList<>(limits.prlimit(prlimit));
        command.addAll(dropRoot(setpriv, SandboxUser.of(scratch)));
        command.addAll(launch.command());
        return command;
    }

    /** {@code setpriv} arguments that become {@code uid}, keep no group or capability, and never gain privileges. */
    static List<String> dropRoot(Path setpriv, int uid) {
        return List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all",
                "--no-new-privs", "--");
    }

    @Override
    public List<String> protections() {
        return List.of("as an unprivileged user of its own (not root), without supplementary groups or new privileges",
                "every process it started was ended with it, even one that detached", limits.describe());
    }

    @Override
    public void prepareScratch(Path scratch) throws IOException {
        SandboxUser.claim(scratch);
    }

    @Override
    public void endProcesses(Path scratch) {
        int uid = SandboxUser.of(scratch);
        SandboxUser.endProcesses(uid);
        SandboxUser.removeLeftovers(uid);
    }
}
