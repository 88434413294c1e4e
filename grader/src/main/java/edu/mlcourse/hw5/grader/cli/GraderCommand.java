package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.cli.CommandLines;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar grader.jar}: the instructors' grader. */
@Command(name = "grader", mixinStandardHelpOptions = true, version = "hw5 grader 1.0.0",
        description = {"Grade HW5 submissions, Java or Python: Q1 against test vectors and by finite",
            "differences, Q2 on held-out accuracy. And the course staff's tools around it."},
        subcommands = {GradeCommand.class, BatchCommand.class, ReportCommand.class, ExportCommand.class, HeldOutCommand.class, PackageCommand.class,
            RubricCommand.class, CommandLine.HelpCommand.class})
@ExitCodes({ExitCode.OK, ExitCode.GRADER_FAILED, ExitCode.USAGE, ExitCode.SETUP, ExitCode.DIFFERENCES,
    ExitCode.INTERNAL_ERROR})
public final class GraderCommand {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: errors become one-line messages and exit codes in one place. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The same, with {@code factory} creating the commands and their options (tests swap in their own). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return CommandLines.configure(new CommandLine(new GraderCommand(), factory), "grader");
    }
}
