package edu.mlcourse.hw5.cli;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.EnvironmentException;
import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.UsageException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Sets up every command line of the project the same way: exceptions become one-line messages and
 * {@link ExitCode}s in one place, and each command's {@code --help} lists its {@link ExitCodes}.
 */
public final class CommandLines {
    /** Set to anything to get the stack trace behind an internal error. */
    public static final String DEBUG_VARIABLE = "HW5_DEBUG";

    private CommandLines() {
    }

    /** {@code commandLine}, configured; {@code tool} prefixes error messages ("grader: ..."). */
    public static CommandLine configure(CommandLine commandLine, String tool) {
        commandLine.setExecutionExceptionHandler((exception, failed, parse) -> handle(exception, failed, tool));
        configureEach(commandLine);
        return commandLine;
    }

    private static int handle(Exception exception, CommandLine commandLine, String tool) {
        ExitCode code = exitCodeOf(exception);
        if (code == ExitCode.INTERNAL_ERROR) {
            commandLine.getErr().println(tool + ": internal error: " + exception);
            if (System.getenv(DEBUG_VARIABLE) != null) {
                exception.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println(tool + ": set " + DEBUG_VARIABLE + "=1 to see where.");
            }
        } else {
            commandLine.getErr().println(tool + ": " + exception.getMessage());
        }
        commandLine.getErr().flush();
        return code.code();
    }

    /** What an exception that escaped a command means for its exit. */
    public static ExitCode exitCodeOf(Throwable exception) {
        if (exception instanceof CourseDataException || exception instanceof EnvironmentException) {
            return ExitCode.SETUP;
        }
        if (exception instanceof StudentFileException || exception instanceof UsageException) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL_ERROR;
    }

    /** Exit codes and their list in {@code --help}, for the command and each of its subcommands. */
    private static void configureEach(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code())
                .exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR.code());
        ExitCodes codes = commandLine.getCommandSpec().userObject() == null ? null
                : commandLine.getCommandSpec().userObject().getClass().getAnnotation(ExitCodes.class);
        if (codes != null) {
            Map<String, String> list = new LinkedHashMap<>();
            for (ExitCode code : codes.value()) {
                list.put(String.valueOf(code.code()), code.meaning());
            }
            commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
        }
        commandLine.getSubcommands().values().forEach(CommandLines::configureEach);
    }
}
