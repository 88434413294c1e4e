package edu.mlcourse.hw5.checker.cli;

import edu.mlcourse.hw5.Hw5Exception;
import picocli.CommandLine;

/**
 * Where exceptions become exit codes and one-line messages, for every command line of the
 * project: 3 when the tool's own data is missing or tampered with ({@link Hw5Exception}), 1 when
 * the tool itself failed; picocli gives 2 for bad arguments.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_DATA = 3;

    private final String tool;

    public ErrorHandler(String tool) {
        this.tool = tool;
    }

    /** {@code commandLine} with this handler installed. */
    public static CommandLine install(CommandLine commandLine, String tool) {
        return commandLine.setExecutionExceptionHandler(new ErrorHandler(tool));
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parse) {
        if (exception instanceof Hw5Exception) {
            commandLine.getErr().println(tool + ": " + exception.getMessage());
            return EXIT_BAD_DATA;
        }
        commandLine.getErr().println(tool + ": internal error: " + exception);
        if (System.getenv("HW5_DEBUG") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        return EXIT_INTERNAL;
    }
}
