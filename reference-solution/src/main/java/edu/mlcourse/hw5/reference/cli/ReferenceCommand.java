package edu.mlcourse.hw5.reference.cli;

import edu.mlcourse.hw5.Hw5Exception;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar reference-solution/target/reference.jar}: the reference solution's tools. */
@Command(name = "reference", mixinStandardHelpOptions = true, version = "hw5 reference 1.0.0",
        description = "Instructor tools of the reference solution: test vectors and the Q2 model.",
        subcommands = {VectorsCommand.class, TrainCommand.class})
public final class ReferenceCommand {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its one error handler: a {@link Hw5Exception} (missing dataset, bad
     * folder...) is a message for the user, printed without a stack trace, exit code 1.
     */
    static CommandLine commandLine() {
        return new CommandLine(new ReferenceCommand()).setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof Hw5Exception) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
    }
}
