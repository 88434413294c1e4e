package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.async.Lazy;
import edu.mlcourse.hw5.checker.checks.CheckPlan;
import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.checks.GradingContext;
import edu.mlcourse.hw5.checker.compile.CompileResult;
import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.compile.CompilerMessage;
import edu.mlcourse.hw5.checker.compile.InMemoryCompiler;
import edu.mlcourse.hw5.checker.sandbox.Isolation;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.sandbox.SandboxedRunner;
import edu.mlcourse.hw5.checker.sandbox.StudentRuntime;
import edu.mlcourse.hw5.checker.sandbox.WorkerLauncher;
import edu.mlcourse.hw5.checker.scoring.CheckLedger;
import edu.mlcourse.hw5.checker.scoring.Q1CheckLauncher;
import edu.mlcourse.hw5.checker.scoring.Q1Scorer;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.platform.launcher.TestExecutionListener;
import java.util.stream.Collectors;

/**
 * Grades Q1: compiles the submission's {@code Q1.java} (with the helpers it uses) against the
 * official {@code hw5.LinearGrads}, runs it in a sandboxed JVM, checks every function against
 * the vectors and by finite differences, and scores the ledger from the rubric.
 */
public final class Q1Part implements SubmissionPart {
    /**
     * @param sets the vector sets to check against; may still be loading (see {@link VectorSets#loadInBackground})
     * @param rubric points
     * @param tolerance outputs against vectors
     * @param gradient finite-difference checks
     * @param limits time and memory of the student code
     * @param isolation how the student JVM is walled off; may still be being probed
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
    private final InMemoryCompiler compiler;
    private final Lazy<WorkerLauncher> launcher;

    public Q1Part(Settings settings) {
        this.settings = settings;
        this.compiler = new InMemoryCompiler(List.of(StudentRuntime.contractLocation()));
        this.launcher = Lazy.of(() -> new WorkerLauncher(StudentRuntime.jar(), settings.limits(), settings.isolation().get()));
        Q1CheckLauncher.warmUpInBackground();
    }

    @Override
    public String name() {
        return "Q1";
    }

    @Override
    public PartResult grade(Submission submission) {
        if (submission.q1().problem().isPresent()) {
            return ungraded(submission.q1().problem().get() + " Q1 scores zero.");
        }
        Path q1 = submission.q1().file().orElseThrow();
        // The student JVM (and the isolation it needs, perhaps still being probed) starts while javac runs.
        CompletableFuture<SandboxedRunner> starting = InBackground.run(() -> new SandboxedRunner(launcher.get(), newScratch()));
        try {
            return grade(submission, q1, starting);
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

    private PartResult grade(Submission submission, Path q1, CompletableFuture<SandboxedRunner> starting) {
        List<String> notes = new ArrayList<>();
        CompileResult compiled = compiler.compile(q1, submission.javaSources(), submission::relative);
        if (!compiled.succeeded()) {
            return ungraded("Q1 does not compile, so every Q1 check scores zero. The compiler says:\n\n"
                    + compiled.errors().stream().map(CompilerMessage::render).collect(Collectors.joining("\n\n")));
        }
        if (!compiled.classes().containsKey(Q1Function.CLASS_NAME)) {
            String found = compiled.classes().containsKey("Q1")
                    ? submission.relative(q1) + " declares no package: its first line must be `package hw5;`."
                    : submission.relative(q1) + " does not declare `public final class Q1` in package hw5.";
            return ungraded(found + " The grader loads the class hw5.Q1; Q1 scores zero.");
        }
        notes.add("Q1 compiled: " + String.join(", ", compiled.compiledFiles()) + ".");
        submission.linearGradsCopy().flatMap(copy -> differsFromOfficial(copy, submission)).ifPresent(notes::add);
        SandboxedRunner runner = InBackground.join(starting).load(compiled.classes());
        CheckLedger ledger = Q1CheckLauncher.run(new GradingContext(runner, settings.sets().get(), settings.tolerance(),
                settings.gradient()), settings.listeners());
        String printed = runner.printedOutput();
        if (!printed.isBlank()) {
            notes.add("Your Q1 code printed this while it was checked (printing is allowed but slows grading):\n" + printed.strip());
        }
        List<String> graderErrors = new ArrayList<>(ledger.graderErrors());
        runner.graderFailure().ifPresent(graderErrors::add);
        return new PartResult(Q1Scorer.score(ledger, settings.rubric()), notes, Optional.empty(), graderErrors,
                new Evidence.Builder().wrongOutputs(Q1Scorer.wrongOutputs(ledger)).build());
    }

    @Override
    public PartResult ungraded(String reason) {
        CheckLedger planned = new CheckLedger();
        planned.expect(CheckPlan.planned(settings.sets().get(), settings.gradient()));
        return new PartResult(Q1Scorer.zero(planned, settings.rubric(), reason), List.of(), Optional.empty(), List.of());
    }

    private Path newScratch() {
        try {
            return SandboxedRunner.newScratch(settings.scratchParent(), settings.isolation().get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + settings.scratchParent(), e);
        }
    }

    private static Optional<String> differsFromOfficial(Path copy, Submission submission) {
        try (InputStream official = Q1Part.class.getResourceAsStream("/hw5/LinearGrads.java")) {
            String theirs = normalise(Files.readString(copy, StandardCharsets.UTF_8));
            String ours = normalise(new String(official.readAllBytes(), StandardCharsets.UTF_8));
            return theirs.equals(ours) ? Optional.empty() : Optional.of(submission.relative(copy)
                    + " differs from the official LinearGrads; it was ignored and the official one used.");
        } catch (IOException | RuntimeException e) {
            return Optional.of(submission.relative(copy) + " was ignored; the grader uses the official LinearGrads.");
        }
    }

    /** Code without comments and white space, so reformatting alone is not a difference. */
    private static String normalise(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "").replaceAll("\\s+", "");
    }
}
