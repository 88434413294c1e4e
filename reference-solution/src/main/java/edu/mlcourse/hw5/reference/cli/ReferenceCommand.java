package edu.mlcourse.hw5.reference.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar reference-solution/target/reference.jar}: the reference solution's tools. */
@Command(name = "reference", mixinStandardHelpOptions = true, version = "hw5 reference 1.0.0",
        description = "Instructor tools of the reference solution: test vectors and the Q2 model.",
        subcommands = {VectorsCommand.class})
public final class ReferenceCommand {
    public static void main(String[] args) {
        System.exit(new CommandLine(new ReferenceCommand()).execute(args));
    }
}
