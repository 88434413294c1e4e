package edu.mlcourse.hw5.checker.cli;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.grading.GradingPipelineBuilder;
import edu.mlcourse.hw5.checker.local.LocalPipeline;
import edu.mlcourse.hw5.checker.local.LocalQ2Part;
import edu.mlcourse.hw5.checker.local.StudentProject;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.MarkdownReport;
import edu.mlcourse.hw5.checker.report.TextReport;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.cli.CommandLines;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.cli.ExitCodes;
import edu.mlcourse.hw5.data.HeldOutSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code java -jar lib/hw5-check.jar [PROJECT]}: the students' local check. The grader's own
 * pipeline (the same sandboxed JVM, checks and messages) against the public vectors, plus the
 * grader's checks of the Q2 files.
 */
@Command(name = "hw5-check", mixinStandardHelpOptions = true, version = "hw5 check 1.0.0",
        description = {"Check your HW5 project the way the grader will: Q1 against the public test",
            "vectors and by finite differences, and whether the grader can read your Q2",
            "files. The grader also uses hidden cases and the held-out labels, so your",
            "score may be lower."})
@ExitCodes({ExitCode.OK, ExitCode.GRADER_FAILED, ExitCode.USAGE, ExitCode.SETUP, ExitCode.INTERNAL_ERROR})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", defaultValue = ".",
            description = "Your project folder, or a zip of what you will submit (default: the current folder).")
    private Path project;

    @Option(names = "--vectors", paramLabel = "DIR", description = "The public vectors (default: vectors/public of the"
            + " project this checker came with, else of PROJECT).")
    private Path vectors;

    @Option(names = "--heldout", paramLabel = "DIR", description = "The held-out images (default: data/heldout of the"
            + " project this checker came with, else of PROJECT).")
    private Path heldout;

    @Option(names = "--results", paramLabel = "FILE", description = "Also write a Gradescope-style results.json.")
    private Path results;

    @Option(names = "--junit-xml", paramLabel = "DIR", description = "Also write JUnit XML reports here, for CI.")
    private Path junitXml;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write a Markdown summary (e.g. $GITHUB_STEP_SUMMARY).")
    private Path markdown;

    @Option(names = "--call-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Time allowed to one check (default: ${DEFAULT-VALUE} s, as the grader).")
    private double callTimeout;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (see {@link CommandLines}). */
    public static CommandLine commandLine() {
        return CommandLines.configure(new CommandLine(new CheckCommand()), "hw5-check");
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(project)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "PROJECT " + project + " does not exist");
        }
        StudentProject.CourseFiles course = StudentProject.locate(project, Optional.ofNullable(vectors),
                Optional.ofNullable(heldout));
        Path vectorFolder = course.vectors();
        Path heldoutFolder = course.heldout();
        Supplier<byte[][]> heldOutImages = InBackground.start(() -> HeldOutSet.readImages(heldoutFolder));
        List<TestExecutionListener> listeners = junitXml == null ? List.of()
                : List.of(new LegacyXmlReportGeneratingListener(junitXml, new PrintWriter(System.err, true)));
        GradingPipelineBuilder pipeline = LocalPipeline.builder(vectorFolder).listeners(listeners)
                .limits(new RunLimits(Duration.ofMillis(Math.round(callTimeout * 1000)), RunLimits.DEFAULT.budget(),
                        RunLimits.DEFAULT.heapMegabytes()));
        GradeReport report = pipeline.part(new LocalQ2Part(heldOutImages, pipeline.torchModels())).build().grade(project);
        spec.commandLine().getOut().print(TextReport.render(report, LocalPipeline.scale(report)));
        spec.commandLine().getOut().flush();
        if (results != null) {
            GradescopeResults.of(report).write(results);
        }
        if (markdown != null) {
            Files.writeString(markdown, MarkdownReport.render(report, "HW5 local check") + "\n"
                            + LocalPipeline.scale(report).strip() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        return report.graderFailed() ? ExitCode.GRADER_FAILED.code() : ExitCode.OK.code();
    }
}
