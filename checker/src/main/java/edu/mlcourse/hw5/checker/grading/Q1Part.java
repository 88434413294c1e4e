package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.checks.CheckLedger;
import edu.mlcourse.hw5.checker.checks.CheckPlan;
import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.checks.GradingContext;
import edu.mlcourse.hw5.checker.checks.Q1CheckLauncher;
import edu.mlcourse.hw5.checker.edition.Q1Edition;
import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.sandbox.SandboxedRunner;
import edu.mlcourse.hw5.checker.sandbox.WorkerLauncher;
import edu.mlcourse.hw5.checker.sandbox.WorkerProgram;
import edu.mlcourse.hw5.checker.scoring.Q1Scorer;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Grades Q1, in whichever edition the submission holds (see {@link Editions}): makes its code ready
 * (compiles {@code Q1.java}, or gathers {@code q1.py} and its modules), runs it in a sandboxed
 * worker, checks every function against the vectors and by finite differences, and scores the
 * ledger from the rubric.
 */
public final class Q1Part implements SubmissionPart {
    /**
     * @param sets the vector sets to check against; may still be loading (see {@link VectorSets#loadInBackground})
     * @param rubric points, and the edition it pins, if any
     * @param tolerance outputs against vectors
     * @param gradient finite-difference checks
     * @param limits time and memory of the student code
     * @param isolation how the worker is walled off; may still be being probed
     * @param scratchParent where per-submission scratch folders go
     * @param listeners more JUnit listeners for the checks (an XML report, say); usually none
     */
    public record Settings(Supplier<List<VectorSet>> sets, Rubric rubric, Tolerance tolerance,
                           GradientSettings gradient, RunLimits limits, Supplier<Isolation> isolation, Path scratchParent,
                           List<TestExecutionListener> listeners) {
        public Settings {
            listeners = List.copyOf(listeners);
        }
    }

    private final Settings settings;
    private final Editions editions;

    public Q1Part(Settings settings) {
        this.settings = settings;
        this.editions = new Editions(settings.rubric().editionOrDefault());
        Q1CheckLauncher.warmUpInBackground();
    }

    /** Starts, in the background, what grading each edition will need first (the Java worker's runtime jar). */
    void warmUp() {
        editions.all().forEach(Q1Edition::warmUp);
    }

    @Override
    public String name() {
        return "Q1";
    }

    @Override
    public PartResult grade(Submission submission) {
        Editions.Choice choice = editions.choose(submission);
        Q1Edition edition = choice.edition();
        if (choice.problem().isPresent()) {
            return ungraded(edition, choice.problem().get() + " Q1 scores zero.");
        }
        Optional<WorkerProgram> program = edition.worker();
        if (program.isEmpty()) {
            // The machine cannot run this edition: the grader's failing, never a zero for the student.
            PartResult unrun = ungraded(edition, "Your " + edition.q1(submission).file().map(submission::relative)
                    .orElse("Q1") + " could not be graded on this machine; this is not your score. The course staff"
                    + " have been told.");
            return new PartResult(unrun.tests(), unrun.notes(), Optional.empty(), List.of(edition.unavailable()));
        }
        Path q1 = edition.q1(submission).file().orElseThrow();
        // The worker starts while the code is made ready, once the isolation it needs is known: the
        // code does not wait for the isolation's probe.
        CompletableFuture<SandboxedRunner> starting = InBackground.run(() -> new SandboxedRunner(
                new WorkerLauncher(program.get(), settings.limits(), settings.isolation().get()), newScratch()));
        try {
            return grade(submission, edition, q1, program.get(), starting);
        } finally {
            closeWhenStarted(starting);
        }
    }

    private static void closeWhenStarted(CompletableFuture<SandboxedRunner> starting) {
        try {
            InBackground.join(starting).close();
        } catch (RuntimeException e) {
            // It never started: nothing to close, and the reason was reported where it mattered.
        }
    }

    private PartResult grade(Submission submission, Q1Edition edition, Path q1, WorkerProgram program,
                             CompletableFuture<SandboxedRunner> starting) {
        Q1Edition.Prepared prepared = edition.prepare(submission, q1);
        if (prepared.zeroReason().isPresent()) {
            return ungraded(edition, prepared.zeroReason().get());
        }
        List<String> notes = new ArrayList<>(edition.q1(submission).notes());
        notes.addAll(prepared.notes());
        SandboxedRunner runner = InBackground.join(starting).load(prepared.code());
        if (runner.loadFailure().isPresent() && runner.graderFailure().isEmpty()) {
            // Every check would fail alike: say why once, like a compile error.
            return ungraded(edition, runner.loadFailure().get() + " Q1 scores zero.");
        }
        CheckLedger ledger = Q1CheckLauncher.run(new GradingContext(runner, settings.sets().get(), settings.tolerance(),
                settings.gradient(), edition.dialect()), settings.listeners());
        runner.runtime().ifPresent(runtime -> notes.add("Your Q1 code ran on " + runtime + ", with "
                + program.memoryLimit(settings.limits()) + "."));
        String printed = runner.printedOutput();
        if (!printed.isBlank()) {
            notes.add("Your Q1 code printed this while it was checked (printing is allowed but slows grading):\n" + printed.strip());
        }
        List<String> graderErrors = new ArrayList<>(ledger.graderErrors());
        runner.graderFailure().ifPresent(graderErrors::add);
        return new PartResult(Q1Scorer.score(ledger, settings.rubric(), edition.dialect()), notes, Optional.empty(),
                graderErrors, new Evidence.Builder().wrongOutputs(Q1Scorer.wrongOutputs(ledger)).build());
    }

    @Override
    public PartResult ungraded(String reason) {
        return ungraded(editions.fallback(), reason);
    }

    /**
     * Every Q1 test at zero. A reason of several lines (the compiler's messages, a traceback) is
     * shown once, above the tests, which each give its first line.
     */
    private PartResult ungraded(Q1Edition edition, String reason) {
        CheckLedger planned = new CheckLedger();
        planned.expect(CheckPlan.planned(settings.sets().get(), settings.gradient()));
        String firstLine = reason.strip().lines().findFirst().orElse("");
        boolean multiLine = !firstLine.equals(reason.strip());
        String perTest = multiLine ? "Q1 scores zero: " + firstLine + " (in full above the tests, under \"What to fix\")"
                : reason;
        return new PartResult(Q1Scorer.zero(planned, settings.rubric(), edition.dialect(), perTest), List.of(),
                Optional.empty(), List.of(), multiLine ? Optional.of(reason.strip()) : Optional.empty());
    }

    private Path newScratch() {
        try {
            return SandboxedRunner.newScratch(settings.scratchParent(), settings.isolation().get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + settings.scratchParent(), e);
        }
    }
}
