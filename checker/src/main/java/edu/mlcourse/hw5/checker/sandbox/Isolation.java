package edu.mlcourse.hw5.checker.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * How the student JVM is walled off from the grader: the command that wraps {@code java ...}
 * (another user, no network, hidden folders, process limits) and what that achieves, in words.
 */
public interface Isolation {
    /** No wrapper: the student JVM runs as the grader's user. Fine on a student's own machine. */
    Isolation NONE = new Isolation() {
        @Override
        public List<String> wrap(List<String> javaCommand, Path scratch) {
            return javaCommand;
        }

        @Override
        public List<String> protections() {
            return List.of();
        }

        @Override
        public void prepareScratch(Path scratch) {
        }
    };

    /** The full command that runs {@code javaCommand} isolated, with {@code scratch} as its working folder. */
    List<String> wrap(List<String> javaCommand, Path scratch);

    /** The protections in force, e.g. "runs as user nobody"; empty when unprotected. */
    List<String> protections();

    /** Makes the scratch folder usable by the isolated process (owner, permissions). */
    void prepareScratch(Path scratch) throws java.io.IOException;
}
