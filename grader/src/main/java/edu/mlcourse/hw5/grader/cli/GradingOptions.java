package edu.mlcourse.hw5.grader.cli;

import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.report.GradedWith;
import edu.mlcourse.hw5.grader.assignment.BundledAssignment;
import edu.mlcourse.hw5.grader.batch.GraderVersion;
import edu.mlcourse.hw5.grader.batch.GradingInputs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that grade ({@code grade}, {@code batch}); {@link GraderPipeline}
 * assembles the pipeline they describe. Not final: picocli creates it through the command line's
 * factory, where tests put a subclass that adds a failing part.
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

    Path vectorFolder() {
        return vectors == null ? BundledAssignment.vectors() : vectors;
    }

    Path heldOutFolder() {
        return heldout == null ? BundledAssignment.heldout() : heldout;
    }

    RunLimits limits() {
        return new RunLimits(Duration.ofMillis(Math.round(callTimeoutSeconds * 1000)),
                Duration.ofMillis(Math.round(budgetSeconds * 1000)), heapMegabytes);
    }

    /**
     * What grades every submission with these options (without a submission's own files), as
     * results record it: this grader, the rubric, the vectors, the held-out set, and the options
     * that can change a score. {@code --isolation} is not one: it changes how student code is
     * confined, not what a correct submission scores.
     */
    GradedWith.Fingerprint inputs() {
        return GradingInputs.common(GraderVersion.current(), rubric(), vectorFolder(), sets, heldOutFolder(),
                String.format(Locale.ROOT, "call-timeout %s s, budget %s s, student-heap %d MB",
                        callTimeoutSeconds, budgetSeconds, heapMegabytes));
    }

    /** Files given on the command line (vectors, rubric, held-out set), which student code must not see. */
    List<Path> givenFiles() {
        List<Path> files = new ArrayList<>();
        for (Path given : new Path[] {vectors, rubric, heldout}) {
            if (given != null) {
                files.add(given.toAbsolutePath());
            }
        }
        return files;
    }

    /** Parts graded after the grader's own; none but in tests, which add one that fails. */
    List<SubmissionPart> extraParts() {
        return List.of();
    }
}
