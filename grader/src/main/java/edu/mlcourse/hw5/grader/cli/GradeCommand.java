package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradedWith;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.TextReport;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.grader.batch.GradingInputs;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader grade SUBMISSION --results FILE}: grade one submission. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade one submission (a folder or a .zip) and print a report.",
            "When the grader itself fails on it, the report and results.json say so and give",
            "no score."},
        footer = {"", "As root, student code runs as an unprivileged user of its own, in namespaces where `unshare` is"
            + " permitted; each report's notes list the protections in force."})
@ExitCodes({ExitCode.OK, ExitCode.GRADER_FAILED, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
final class GradeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SUBMISSION", description = "Folder or .zip holding Q1.java (anywhere below),"
            + " predictions.npy and my_model.json.")
    private Path submission;

    @Option(names = "--results", paramLabel = "FILE", description = "Write Gradescope's results.json here.")
    private Path results;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "What to print: text (a readable report), json (the results.json), none. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Mixin
    private GradingOptions options;

    enum Format { text, json, none }

    @Override
    public Integer call() throws IOException {
        if (!submission.toFile().exists()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "SUBMISSION " + submission + " does not exist");
        }
        // The digests of what grades it (the grader's jar, the vectors, the submission): worked out
        // beside the grading, which leaves a core idle at times, rather than after it.
        Supplier<GradedWith.Fingerprint> inputs = InBackground.start(
                () -> options.inputs().withSubmission(GradingInputs.submission(submission)));
        GradeReport report = GraderPipeline.of(options).grade(submission);
        GradescopeResults gradescope = GradescopeResults.of(report);
        if (!report.graderFailed()) {
            gradescope = gradescope.withGradedWith(GradingInputs.gradedNow(inputs.get()));
        }
        if (results != null) {
            gradescope.write(results);
        }
        switch (format) {
            case text -> spec.commandLine().getOut().print(TextReport.render(report));
            case json -> spec.commandLine().getOut().println(Json.prettyWriter().writeValueAsString(gradescope));
            case none -> { }
        }
        spec.commandLine().getOut().flush();
        if (report.graderFailed()) {
            spec.commandLine().getErr().println("grader: the grader failed on " + submission + "; it has no score. "
                    + String.join("; ", report.graderErrors()));
            return ExitCode.GRADER_FAILED.code();
        }
        return ExitCode.OK.code();
    }
}
