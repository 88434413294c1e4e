package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.grading.GradingPipeline;
import edu.mlcourse.hw5.checker.grading.Q1Part;
import edu.mlcourse.hw5.checker.grading.VectorSets;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.IsolationDetector;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.sandbox.StudentRuntime;
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

/** Options shared by the commands that grade ({@code grade}, {@code batch}). */
final class GradingOptions {
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
            description = "Time allowed to one check of student code (default: ${DEFAULT-VALUE} s).")
    double callTimeoutSeconds;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time allowed to all of one submission's code (default: ${DEFAULT-VALUE} s).")
    double budgetSeconds;

    @Option(names = "--student-heap", paramLabel = "MB", defaultValue = "256",
            description = "Maximum heap of the JVM that runs student code (default: ${DEFAULT-VALUE} MB).")
    int heapMegabytes;

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
        Rubric rubric = rubric();
        // Slow preparation runs in the background; the isolation probe overlaps compiling the submission.
        Supplier<List<VectorSet>> sets = vectorSets();
        Supplier<HeldOutData> heldOutData = heldOutData();
        InBackground.run(StudentRuntime::jar);
        Q1CheckLauncher.warmUpInBackground();
        Supplier<IsolationChoice> isolation = InBackground.start(() -> IsolationDetector.detect(limits, graderFiles()));
        Q1Part q1 = new Q1Part(new Q1Part.Settings(sets, rubric, Tolerance.NUMPY_DEFAULT,
                GradientSettings.DEFAULT, limits, () -> isolation.get().isolation(),
                Path.of(System.getProperty("java.io.tmpdir")), List.of()));
        return new GradingPipeline(List.of(q1, new HeldOutPart(heldOutData, rubric)), () -> isolation.get().notes());
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
