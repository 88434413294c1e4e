package edu.mlcourse.hw5.reference.cli;

import edu.mlcourse.hw5.cli.CommandLines;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar reference-solution/target/reference.jar}: the reference solution's tools. */
@Command(name = "reference", mixinStandardHelpOptions = true, version = "hw5 reference 1.0.0",
        description = "Instructor tools of the reference solution: test vectors and the Q2 model.",
        subcommands = {VectorsCommand.class, TrainCommand.class})
@ExitCodes({ExitCode.OK, ExitCode.DIFFERENCES, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
public final class ReferenceCommand {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, configured as every command line of the project (see {@link CommandLines}). */
    static CommandLine commandLine() {
        return CommandLines.configure(new CommandLine(new ReferenceCommand()), "reference");
    }
}
