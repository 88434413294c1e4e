package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.cli.CommandLines;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar grader.jar}: the instructors' grader. */
@Command(name = "grader", mixinStandardHelpOptions = true, version = "hw5 grader 1.0.0",
        description = {"Grade HW5 submissions, Java or Python: Q1 against test vectors and by finite",
            "differences, Q2 on held-out accuracy. And the course staff's tools around it."})
@ExitCodes({ExitCode.OK, ExitCode.GRADER_FAILED, ExitCode.USAGE, ExitCode.SETUP, ExitCode.DIFFERENCES,
    ExitCode.INTERNAL_ERROR})
public final class GraderCommand {
    /** The subcommands, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(GradeCommand.class, BatchCommand.class, ReportCommand.class,
            ExportCommand.class, HeldOutCommand.class, PackageCommand.class, RubricCommand.class,
            CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line: errors become one-line messages and exit codes in one place. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /**
     * The command line for these arguments: with only the subcommand they call, when they call one
     * (picocli reads every option of every subcommand it is given, a tenth of a second of a
     * {@code grade}); with all of them otherwise ({@code --help}, {@code help grade}, a typo).
     */
    static CommandLine commandLine(String[] args) {
        Optional<Class<?>> called = args.length == 0 ? Optional.empty() : SUBCOMMANDS.stream()
                .filter(command -> command != CommandLine.HelpCommand.class && nameOf(command).equals(args[0]))
                .findFirst();
        return called.isPresent() ? commandLine(CommandLine.defaultFactory(), List.of(called.get())) : commandLine();
    }

    /** The same, with {@code factory} creating the commands and their options (tests swap in their own). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return commandLine(factory, SUBCOMMANDS);
    }

    private static CommandLine commandLine(CommandLine.IFactory factory, List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new GraderCommand(), factory);
        subcommands.forEach(command -> commandLine.addSubcommand(nameOf(command), command));
        return CommandLines.configure(commandLine, "grader");
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
