package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grader rubric}: print the default rubric, or check one. */
@Command(name = "rubric", mixinStandardHelpOptions = true,
        description = {"Print the default rubric (a starting point for your own), or validate one with --check."})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
final class RubricCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--check", paramLabel = "FILE", description = "Validate this rubric and print its total.")
    private Path check;

    @Override
    public Integer call() throws IOException {
        Rubric rubric = check == null ? Rubric.defaults() : Rubric.load(check);
        if (check == null) {
            spec.commandLine().getOut().println(Json.prettyWriter().writeValueAsString(rubric));
        } else {
            spec.commandLine().getOut().printf("%s is valid; it totals %.2f points.%n", check, rubric.total());
        }
        return ExitCode.OK.code();
    }
}
