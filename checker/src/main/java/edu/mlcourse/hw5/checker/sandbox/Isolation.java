package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How the worker (the student JVM, the student's Python) is walled off from the grader: the command that wraps it
 * (another user, no network, hidden folders, process limits) and what that achieves, in words.
 * {@link IsolationDetector} picks the strongest one the machine allows.
 */
public interface Isolation {
    /** No wrapper: the student JVM runs as the grader's user. Fine on a student's own machine. */
    Isolation NONE = new Isolation() {
        @Override
        public List<String> wrap(Launch launch, Path scratch) {
            return launch.command();
        }

        @Override
        public List<String> protections() {
            return List.of();
        }

        @Override
        public void prepareScratch(Path scratch) {
        }
    };

    /**
     * The full command that runs the launch's command isolated, with {@code scratch} as its working
     * folder. The command may rely on the launch's runtime folders, the system's programs and
     * libraries, and the files in {@code scratch} at the time of the call (the worker's runtime,
     * the socket); on nothing else.
     */
    List<String> wrap(Launch launch, Path scratch);

    /** The protections in force, e.g. "without network"; empty when unprotected. */
    List<String> protections();

    /** Makes the scratch folder usable by the isolated process (owner, permissions). */
    void prepareScratch(Path scratch) throws IOException;

    /**
     * Ends every process still running for {@code scratch}, including those that left the student
     * JVM's process tree (a double fork), and removes what they left outside it. Called after the
     * student JVM was killed or ended, before the scratch folder is removed.
     */
    default void endProcesses(Path scratch) {
    }
}
