package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.grading.Q1Part;
import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.grading.VectorSets;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.IsolationDetector;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.sandbox.JavaWorker;
import edu.mlcourse.hw5.checker.scoring.Q1CheckLauncher;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.files.CodeLocation;
import edu.mlcourse.hw5.grader.assignment.BundledAssignment;
import edu.mlcourse.hw5.grader.heldout.HeldOutData;
import edu.mlcourse.hw5.grader.heldout.HeldOutPart;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorSet;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Options shared by the commands that grade ({@code grade}, {@code batch}), and the pipeline they
 * describe. Not final: picocli creates it through the command line's factory, where tests put a
 * subclass that adds a failing part.
 */
class GradingOptions {
    @Option(names = "--vectors", paramLabel = "DIR",
            description = "Folder holding the vector sets (public/, hidden/). Default: the sets bundled in the grader.")
    Path vectors;

    @Option(names = "--sets", split = ",", paramLabel = "SET", defaultValue = "public,hidden",
            description = "Vector sets to grade against (default: ${DEFAULT-VALUE}).")
    List<String> sets;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "Rubric JSON (points per check). Default: the bundled rubric, totalling 100; see `grader rubric`.")
    Path rubric;

    @Option(names = "--heldout", paramLabel = "DIR",
            description = "Held-out set for Q2 (public/ images, hidden/ labels, as `heldout derive` writes)."
                    + " Default: the set bundled in the grader.")
    Path heldout;

    @Option(names = "--call-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "CPU time allowed to one check of student code (default: ${DEFAULT-VALUE} s); one that"
                    + " mostly waits is stopped after twice that.")
    double callTimeoutSeconds;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time allowed to all of one submission's checks together (default: ${DEFAULT-VALUE} s).")
    double budgetSeconds;

    @Option(names = "--student-heap", paramLabel = "MB", defaultValue = "256",
            description = "Maximum heap of the JVM that runs student code (default: ${DEFAULT-VALUE} MB).")
    int heapMegabytes;

    @Option(names = "--isolation", paramLabel = "LEVEL", defaultValue = "NAMESPACES",
            description = "The strongest isolation to use, if the machine allows it: NAMESPACES (the default: the"
                    + " strongest there is), USER (what Gradescope's Docker gives, to try it on a server) or NONE"
                    + " (trusted code only, e.g. to measure what isolation costs). Reports say what was in force.")
    IsolationChoice.Level strongestIsolation;

    Rubric rubric() {
        return rubric == null ? Rubric.defaults() : Rubric.load(rubric);
    }

    Supplier<List<VectorSet>> vectorSets() {
        return VectorSets.loadInBackground(vectors == null ? BundledAssignment.vectors() : vectors, sets);
    }

    RunLimits limits() {
        return new RunLimits(Duration.ofMillis(Math.round(callTimeoutSeconds * 1000)),
                Duration.ofMillis(Math.round(budgetSeconds * 1000)), heapMegabytes);
    }

    /** Starts loading the held-out set in the background; the supplier waits for it. */
    Supplier<HeldOutData> heldOutData() {
        Path folder = heldout == null ? BundledAssignment.heldout() : heldout;
        return InBackground.start(() -> HeldOutData.read(folder));
    }

    GradingPipeline pipeline() {
        RunLimits limits = limits();
        Supplier<IsolationChoice> isolation = isolation(limits);
        return new GradingPipeline(parts(limits, isolation), () -> isolation.get().notes());
    }

    Supplier<IsolationChoice> isolation(RunLimits limits) {
        return InBackground.start(() -> IsolationDetector.detect(limits, graderFiles(), strongestIsolation));
    }

    /** The parts graded, in report order. */
    List<SubmissionPart> parts(RunLimits limits, Supplier<IsolationChoice> isolation) {
        Rubric rubric = rubric();
        // Slow preparation runs in the background; the isolation probe overlaps compiling the submission.
        Supplier<List<VectorSet>> sets = vectorSets();
        Supplier<HeldOutData> heldOutData = heldOutData();
        InBackground.run(JavaWorker::runtimeJar);
        Q1CheckLauncher.warmUpInBackground();
        Q1Part q1 = new Q1Part(new Q1Part.Settings(sets, rubric, Tolerance.NUMPY_DEFAULT,
                GradientSettings.DEFAULT, limits, () -> isolation.get().isolation(),
                Path.of(System.getProperty("java.io.tmpdir")), List.of()));
        return List.of(q1, new HeldOutPart(heldOutData, rubric));
    }

    /** What student code must not see: the grader's code (with the bundled answers) and the data given. */
    private List<Path> graderFiles() {
        List<Path> files = new ArrayList<>();
        for (Class<?> anchor : List.of(GradingOptions.class, Q1Part.class)) {
            Path location = CodeLocation.of(anchor);
            if (!files.contains(location)) {
                files.add(location);
            }
        }
        for (Path given : new Path[] {vectors, rubric, heldout}) {
            if (given != null) {
                files.add(given.toAbsolutePath());
            }
        }
        return files;
    }
}
