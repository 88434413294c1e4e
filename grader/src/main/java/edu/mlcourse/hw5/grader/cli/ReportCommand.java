package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.insights.InsightSettings;
import edu.mlcourse.hw5.grader.insights.pages.BatchSummary;
import edu.mlcourse.hw5.grader.insights.pages.SummaryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader report OUT}: write a batch's pages again from its output folder, without grading. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a batch's pages again from OUT, without grading anything.",
            "Reads each OUT/<id>/results.json and evidence.json; writes OUT/scores.csv,",
            "summary.md, summary.html and each OUT/<id>/results.html."})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "OUT", description = "The output folder of `grader batch`.")
    private Path out;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = {"Rubric whose similarity section sets when pairs are listed.",
                "Default: the bundled rubric."})
    private Path rubric;

    @Option(names = "--heldout", paramLabel = "DIR",
            description = {"Held-out set the batch was graded with (its hidden/ labels).",
                "Default: the set bundled in the grader."})
    private Path heldout;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "OUT " + out + (Files.exists(out) ? " is not a folder."
                    : " does not exist.") + " Give the --out folder of `grader batch`.");
        }
        Rubric chosen = rubric == null ? Rubric.defaults() : Rubric.load(rubric);
        BatchSummary summary = SummaryFiles.write(new ResultStore(out), InsightSettings.of(chosen, heldout));
        spec.commandLine().getOut().printf("Wrote the pages and summaries of %s: %d submission(s), %d not graded.%n",
                out, summary.submissions(), summary.ungraded().size());
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
