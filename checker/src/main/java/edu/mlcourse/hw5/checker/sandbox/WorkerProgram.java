package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The program that runs one edition's student code and speaks the worker protocol
 * (worker/PROTOCOL.md): each edition gives one (the student JVM, the student's Python).
 * Everything else about running student code, the conversation, the time
 * limits, isolation and cleaning up, is the same for both and lives in {@link SandboxedRunner}.
 */
public interface WorkerProgram {
    /** Puts what the worker needs (its jar, its zip) into the empty scratch folder, before it starts. */
    void install(Path scratch) throws IOException;

    /** The command that starts the worker in {@code scratch}, connecting to {@code socket}. */
    List<String> command(Path socket, Path scratch, RunLimits limits);

    /** Variables beyond PATH, LANG and HOME; the worker inherits nothing else of the grader's environment. */
    Map<String, String> environment();

    /** The real path of the program the command runs, whose process is the worker (for its CPU time). */
    Path executable();

    /** Folders the program runs from, which an isolated worker must see (see {@link Launch}). */
    List<Path> runtimeFolders();

    /** Its memory limit in words, e.g. "256 MB of heap". */
    String memoryLimit(RunLimits limits);

    /** How feedback names things for this edition. */
    WorkerVocabulary vocabulary();
}
