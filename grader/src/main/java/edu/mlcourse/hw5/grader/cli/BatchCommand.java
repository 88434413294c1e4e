package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.console.ProgressBar;
import edu.mlcourse.hw5.grader.batch.BatchGrader;
import edu.mlcourse.hw5.grader.batch.BatchSubmission;
import edu.mlcourse.hw5.grader.batch.RegradePlan;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import edu.mlcourse.hw5.grader.batch.SubmissionScan;
import edu.mlcourse.hw5.grader.batch.WriterStream;
import edu.mlcourse.hw5.grader.insights.InsightSettings;
import edu.mlcourse.hw5.grader.insights.pages.BatchSummary;
import edu.mlcourse.hw5.grader.insights.pages.ScoreTable;
import edu.mlcourse.hw5.grader.insights.pages.StudentPage;
import edu.mlcourse.hw5.grader.insights.pages.SummaryFiles;
import edu.mlcourse.hw5.grader.insights.pages.SummaryHtml;
import edu.mlcourse.hw5.grader.insights.pages.SummaryMarkdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader batch DIR --out OUT --jobs N}: grade a folder of submissions. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Grade a folder of submissions, several at a time.",
            "Each sub-folder or .zip of DIR is one submission, its name its id. Into OUT go:",
            "  <id>/results.json       each submission's Gradescope results",
            "  <id>/results.html       the same feedback as a page",
            "  <id>/evidence.json      what hand-ins are compared on (course staff only)",
            "  <id>/grader-error.json  instead, when the grader failed on it (no score)",
            "  scores.csv, summary.md and summary.html: where each student stands, what the",
            "  class got wrong, and which hand-ins to look at twice. `grader report OUT`",
            "  writes these pages again. They cover every submission in OUT.",
            "Each results.json records what graded it (the submission's files, the rubric,",
            "vectors, held-out set, grader version, scoring options). A rerun grades exactly",
            "the submissions that are new, failed, or whose inputs changed, and says why;",
            "the rest keep their results (--force grades every one again). Results replaced",
            "are kept in <id>/history/, and changes.csv lists every grade that changed.",
            "A grader failure never replaces a grade."})
@ExitCodes({ExitCode.OK, ExitCode.GRADER_FAILED, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
final class BatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder holding one sub-folder or .zip per submission.")
    private Path folder;

    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "Output folder (created if needed); may be reused to resume a batch.")
    private Path out;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Submissions graded at once (default: the number of cores, or fewer when the machine has"
                    + " less than 1 GB of memory per core; here ${DEFAULT-VALUE}).")
    private int jobs = defaultJobs();

    @Option(names = "--force", description = "Grade every submission again, even those whose results are up to date.")
    private boolean force;

    @Mixin
    private GradingOptions options;

    /** Memory one submission's grading may take at once: its share of the grader, a student JVM or a model worker. */
    static final long MEMORY_PER_JOB = 1L << 30;

    /**
     * As many jobs as cores, but no more than the machine's memory holds at {@link #MEMORY_PER_JOB}
     * each (a PyTorch model worker takes a few hundred MB), and at least one.
     */
    static int defaultJobs() {
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return (int) Math.max(1, Math.min(cores, memory / MEMORY_PER_JOB));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkArguments();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Set<String> reserved = new HashSet<>(SummaryFiles.NAMES);
        reserved.addAll(List.of(ExportCommand.CANVAS_FILE, ExportCommand.PLAIN_FILE));
        SubmissionScan.Found found = SubmissionScan.scan(folder, out, reserved);
        found.skipped().forEach(reason -> stderr.println("grader batch: " + reason));
        Files.createDirectories(out);
        ResultStore store = new ResultStore(out);
        RegradePlan plan = RegradePlan.of(found.submissions(), store, options.inputs(), force);
        List<BatchSubmission> todo = plan.grade();
        stdout.printf("%d submission(s) in %s: grading %d with %d job(s)%s%s.%n", found.submissions().size(), folder,
                todo.size(), jobs, todo.isEmpty() ? "" : " (" + plan.summary() + ")",
                plan.kept() == 0 ? "" : "; keeping " + plan.kept() + " whose files, rubric, data and grader are unchanged"
                        + " (--force grades them again)");
        stdout.flush();
        int failures = 0;
        if (!todo.isEmpty()) {
            ProgressBar progress = new ProgressBar("grading", todo.size(), WriterStream.of(stderr),
                    System.console() != null, System::nanoTime);
            BatchGrader.Outcome outcome = new BatchGrader(GraderPipeline.of(options)::grade, store, jobs, System::nanoTime)
                    .run(todo, progress);
            failures = outcome.failures().size();
            for (BatchGrader.Failure failure : outcome.failures()) {
                stderr.println("grader batch: the grader failed on " + failure.id() + " (" + String.join("; ", failure.errors())
                        + "); it has no results and the next run grades it again.");
            }
        }
        writeSummaries(store, stdout);
        return failures == 0 ? ExitCode.OK.code() : ExitCode.GRADER_FAILED.code();
    }

    private void checkArguments() {
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "DIR " + folder + (Files.exists(folder)
                    ? " is not a folder: give the folder that holds the submissions." : " does not exist."));
        }
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs + ".");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file; give a folder.");
        }
        if (out.toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--out must not be DIR itself: results would mix with"
                    + " the submissions. Give another folder.");
        }
    }

    private void writeSummaries(ResultStore store, PrintWriter stdout) throws IOException {
        BatchSummary summary = SummaryFiles.write(store, InsightSettings.of(options.rubric(), options.heldout));
        String totals = summary.totals().map(t -> String.format(Locale.ROOT, "; totals: mean %.2f, median %.2f of %s",
                t.mean(), t.median(), ScoreTable.number(summary.maxTotal()))).orElse("");
        stdout.printf("Wrote %s, %s and %s (open it in a browser; each submission's page is OUT/<id>/%s): %d"
                + " submission(s), %d not graded%s.%n", out.resolve(ScoreTable.FILE_NAME),
                out.resolve(SummaryMarkdown.FILE_NAME), out.resolve(SummaryHtml.FILE_NAME), StudentPage.FILE_NAME,
                summary.submissions(), summary.ungraded().size(), totals);
        stdout.flush();
    }
}
