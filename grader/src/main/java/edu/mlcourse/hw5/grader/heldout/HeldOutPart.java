package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.Points;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.models.ConventionChoice;
import edu.mlcourse.hw5.checker.models.TorchModelScore;
import edu.mlcourse.hw5.checker.models.TorchModels;
import edu.mlcourse.hw5.checker.submission.Notebook;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.predictions.Predictions;
import edu.mlcourse.hw5.vectors.Sha256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Grades Q2: accuracy on the held-out labels. When a model file is present and usable, the grader
 * evaluates it and scores that accuracy, reporting how often it agrees with the predictions file
 * (low agreement is flagged): {@code my_model.json} itself, in plain Java; the Python edition's
 * {@code my_model.pt} in the sandbox ({@link TorchModelScore}). Otherwise the predictions file is
 * scored. A {@code q2.ipynb} is described, never run.
 */
public final class HeldOutPart implements SubmissionPart {
    /** Below this agreement, the predictions and the model look like they come from different runs. */
    static final double AGREEMENT_WARNING = 99.0;
    private static final String TEST_NAME = "Q2 held-out accuracy";
    private static final String NOTEBOOK_TEST_NAME = "Q2 notebook (q2.ipynb)";

    private final Supplier<HeldOutData> data;
    private final Rubric rubric;
    private final TorchModels torch;

    /**
     * @param data the held-out set; may still be loading in the background
     * @param torch where the Python edition's my_model.pt files are evaluated
     */
    public HeldOutPart(Supplier<HeldOutData> data, Rubric rubric, TorchModels torch) {
        this.data = data;
        this.rubric = rubric;
        this.torch = torch;
    }

    @Override
    public String name() {
        return "Q2";
    }

    @Override
    public PartResult grade(Submission submission) {
        HeldOutData heldOut = data.get();
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<int[]> predictions = read(submission.predictions().file(), submission.predictions().problem(),
                heldOut.size(), lines);
        Evidence.Builder evidence = new Evidence.Builder();
        Optional<int[]> model = Optional.empty();
        String source = null;
        if (submission.model().isPresent() || !submission.torchModel().isPresent()) {
            model = evaluate(submission.model().file(), submission.model().problem(), heldOut, lines, evidence);
            source = "my_model.json, evaluated by the grader";
        } else {
            Path torchFile = submission.torchModel().file().orElseThrow();
            // Its weights stay in the sandbox: identical my_model.pt files are compared by their bytes.
            evidence.model(Sha256.of(torchFile), null);
            TorchModelScore.Outcome torchModel = TorchModelScore.evaluate(torchFile, submission, heldOut.images(),
                    predictions, torch);
            model = torchModel.labels();
            source = torchModel.source().orElse(null);
            lines.addAll(torchModel.lines());
            notes.addAll(torchModel.staffNotes());
        }
        Optional<Notebook> notebook = submission.notebook().file().map(Notebook::read);
        notebook.ifPresent(n -> lines.add(n.describe()));
        List<TestResult> notebookTest = notebookTest(submission, notebook);
        Optional<int[]> scored = model.or(() -> predictions);
        scored.ifPresent(evidence::predictions);
        if (scored.isEmpty()) {
            PartResult zero = zeroWith(evidence.build(), "Q2 scores zero: there is nothing the grader can score. "
                    + String.join(" ", lines)
                    + " Submit predictions.npy (np.save of one label 0..9 per held-out image, in their order)"
                    + " and your model: my_model.json (Java: written by Q2's given ModelExport) or my_model.pt"
                    + " (Python: torch.save).");
            return new PartResult(concat(zero.tests(), notebookTest), notes, Optional.empty(), List.of(), zero.evidence());
        }
        ConfusionMatrix matrix = new ConfusionMatrix(heldOut.labels(), scored.get());
        double accuracy = matrix.accuracy();
        Rubric.HeldOut points = rubric.heldout();
        if (model.isEmpty()) {
            source = submission.relative(submission.predictions().file().orElseThrow());
        }
        StringBuilder output = new StringBuilder(String.format(Locale.ROOT,
                "Held-out accuracy: %.2f%% (%s). Full points at %.1f%%, none at %.1f%% or below, linear between.%n",
                accuracy, source, points.fullAt(), points.zeroAt()));
        if (model.isPresent() && predictions.isPresent()) {
            double agreement = ConventionChoice.agreement(model.get(), predictions.get());
            String modelFile = submission.model().isPresent() ? "my_model.json" : Submission.TORCH_MODEL;
            output.append(String.format(Locale.ROOT, "%s and %s agree on %.2f%% of the images.%s%n", modelFile,
                    submission.relative(submission.predictions().file().orElseThrow()), agreement,
                    agreement < AGREEMENT_WARNING ? " That is low: did you save the predictions from another"
                            + " model or training run, or in another order than the held-out images?" : ""));
        }
        lines.forEach(l -> output.append(l).append('\n'));
        output.append('\n').append(matrix.render());
        TestResult test = new TestResult(TEST_NAME, Points.round(points.pointsFor(accuracy)), points.points(),
                output.toString().strip(), rubric.visibility().heldout(), List.of("heldout", "q2"));
        return new PartResult(concat(List.of(test), notebookTest), notes, Optional.of(accuracy), List.of(),
                evidence.build());
    }

    /**
     * The notebook's test, when the rubric gives it points: full for a valid nbformat-4 notebook with
     * code in it (it is never run), none otherwise.
     */
    private List<TestResult> notebookTest(Submission submission, Optional<Notebook> notebook) {
        double points = rubric.heldout().notebookPoints();
        if (points == 0) {
            return List.of();
        }
        boolean handedIn = notebook.isPresent() && notebook.get().valid() && notebook.get().codeCells() > 0;
        String output = notebook.map(n -> n.valid() && n.codeCells() == 0 ? Notebook.FILE_NAME + " has no code cell."
                : n.describe()).orElse(submission.notebook().problem().orElse(""));
        return List.of(new TestResult(NOTEBOOK_TEST_NAME, handedIn ? points : 0, points, output,
                rubric.visibility().heldout(), List.of("notebook", "q2")));
    }

    private static List<TestResult> concat(List<TestResult> a, List<TestResult> b) {
        List<TestResult> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public PartResult ungraded(String reason) {
        PartResult zero = zeroWith(Evidence.NONE, reason);
        double points = rubric.heldout().notebookPoints();
        return points == 0 ? zero : new PartResult(concat(zero.tests(), List.of(new TestResult(NOTEBOOK_TEST_NAME, 0,
                points, reason, rubric.visibility().heldout(), List.of("notebook", "q2")))), List.of(), Optional.empty(),
                List.of());
    }

    private PartResult zeroWith(Evidence evidence, String reason) {
        return new PartResult(List.of(new TestResult(TEST_NAME, 0, rubric.heldout().points(), reason,
                rubric.visibility().heldout(), List.of("heldout", "q2"))), List.of(), Optional.empty(), List.of(), evidence);
    }

    private static Optional<int[]> read(Optional<Path> file, Optional<String> problem, int count, List<String> lines) {
        if (file.isEmpty()) {
            problem.ifPresent(lines::add);
            return Optional.empty();
        }
        try {
            return Optional.of(Predictions.read(file.get(), count));
        } catch (StudentFileException e) {
            lines.add("Your predictions file could not be used: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<int[]> evaluate(Optional<Path> file, Optional<String> problem, HeldOutData heldOut,
                                            List<String> lines, Evidence.Builder evidence) {
        if (file.isEmpty()) {
            problem.ifPresent(lines::add);
            return Optional.empty();
        }
        try {
            ModelFile model = ModelFiles.read(file.get());
            evidence.model(Sha256.of(file.get()), ModelDigest.of(model));
            return Optional.of(ModelEvaluator.predict(model, heldOut.images()));
        } catch (StudentFileException e) {
            lines.add("Your my_model.json could not be evaluated, so the predictions file is scored instead: "
                    + e.getMessage());
            return Optional.empty();
        }
    }
}
