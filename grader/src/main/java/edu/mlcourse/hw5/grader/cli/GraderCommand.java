package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.Hw5Exception;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar grader.jar}: the instructors' grader. */
@Command(name = "grader", mixinStandardHelpOptions = true, version = "hw5 grader 1.0.0",
        description = "Grade HW5 submissions: Q1 against test vectors and finite differences, Q2 on held-out accuracy.",
        subcommands = {GradeCommand.class, BatchCommand.class, HeldOutCommand.class, RubricCommand.class, CommandLine.HelpCommand.class})
public final class GraderCommand {
    /** Data the grader needs is missing or tampered with (vectors, rubric, labels). */
    static final int EXIT_BAD_DATA = 3;
    /** The grader itself failed. */
    static final int EXIT_INTERNAL = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: errors become one-line messages and exit codes here, nowhere else. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GraderCommand());
        commandLine.setExecutionExceptionHandler((exception, cl, parseResult) -> {
            if (exception instanceof Hw5Exception) {
                cl.getErr().println("grader: " + exception.getMessage());
                return EXIT_BAD_DATA;
            }
            cl.getErr().println("grader: internal error: " + exception);
            if (System.getenv("HW5_DEBUG") != null) {
                exception.printStackTrace(cl.getErr());
            }
            return EXIT_INTERNAL;
        });
        return commandLine;
    }
}
