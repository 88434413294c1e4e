package edu.mlcourse.hw5.grader.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The grader's command line run in this process, as a user runs it, with what it prints kept for
 * the test to read: each {@link #run} starts with empty output, so a test reads what that run said.
 */
final class GraderRun {
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs {@code grader ARGS} and returns its exit code. */
    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** What the last run printed to its output. */
    String out() {
        return out.toString();
    }

    /** What the last run printed to its error stream. */
    String err() {
        return err.toString();
    }
}
