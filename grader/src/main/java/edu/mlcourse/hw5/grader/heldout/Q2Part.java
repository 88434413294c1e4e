package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.checker.edition.Q1Edition;
import edu.mlcourse.hw5.checker.edition.python.ConventionChoice;
import edu.mlcourse.hw5.checker.edition.python.TorchModelScore;
import edu.mlcourse.hw5.checker.edition.python.TorchModels;
import edu.mlcourse.hw5.checker.grading.Editions;
import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.report.Points;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.submission.FileLookup;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Grades Q2: accuracy on the held-out labels, verified where the grader can verify it. The grader
 * runs the submitted model file itself: {@code my_model.json} in plain Java; the Python edition's
 * {@code my_model.pt} in the sandbox ({@link TorchModelScore}). When the model reproduces the
 * submitted predictions (or there are no usable predictions), Q2 is verified and the model's own
 * accuracy is scored. Otherwise (no model file, one that does not run, or one that disagrees with
 * the predictions) Q2 is unverified: the predictions file is scored, or nothing if the rubric says
 * so, and the staff are told ({@link HeldOutScore}). A {@code q2.ipynb} is described, never run.
 */
public final class Q2Part implements SubmissionPart {
    /**
     * Above this held-out accuracy the staff are asked to look: the networks of this homework's size
     * (a few layers trained for minutes on a CPU) reach 89-93% on Fashion-MNIST, and the best results
     * in Fashion-MNIST's own benchmark, from far larger networks trained far longer, are about 96%.
     */
    static final double IMPLAUSIBLE_ACCURACY = 95.0;
    private static final String TEST_NAME = "Q2 held-out accuracy";
    private static final String NOTEBOOK_TEST_NAME = "Q2 notebook (q2.ipynb)";

    /** Model files remembered (of each edition), at 40 KB each: far more than a class hands in identical files. */
    private static final int MAX_EVALUATED = 2000;

    private final Supplier<HeldOutData> data;
    /**
     * The labels of every my_model.json this part has evaluated, by the file's SHA-256: a batch
     * shares one part, and a file identical to one already evaluated (a resubmission, a copy) gets
     * the same labels without being evaluated again. Only files that loaded and ran are kept.
     */
    private final Map<String, Evaluated> evaluated = new ConcurrentHashMap<>();
    /**
     * The same for the Python edition's my_model.pt: what it was scored as, by what decides that (the
     * file, the notebook that may define its class, the predictions that choose its input). Only
     * evaluations that gave labels are kept.
     */
    private final Map<String, TorchEvaluated> torchEvaluated = new ConcurrentHashMap<>();
    private final Rubric rubric;
    private final TorchModels torch;
    private final Editions editions;

    /**
     * @param data the held-out set; may still be loading in the background
     * @param torch where the Python edition's my_model.pt files are evaluated
     */
    public Q2Part(Supplier<HeldOutData> data, Rubric rubric, TorchModels torch) {
        this.data = data;
        this.rubric = rubric;
        this.torch = torch;
        this.editions = new Editions(rubric.editionOrDefault());
    }

    @Override
    public String name() {
        return "Q2";
    }

    /** The submitted model's labels for the held-out images, or why there are none. */
    private record Evaluated(HeldOutData heldOut, String digest, int[] labels) {
    }

    /** A my_model.pt's outcome, for the held-out set it was evaluated on. */
    private record TorchEvaluated(HeldOutData heldOut, TorchModelScore.Outcome outcome) {
    }

    /** Stands in for the held-out set where no file is scored against it: nothing reads it. */
    private static final HeldOutData NOT_READ = new HeldOutData(new byte[0][], new byte[0]);

    private record ModelRun(Optional<int[]> labels, String source, String whyNot) {
    }

    /**
     * The my_model.pt a submission has run (when it has no my_model.json), with the digests its
     * outcome is remembered by: each file is read for them once.
     */
    private record TorchFiles(Path model, String modelDigest, String notebookDigest) {
        static Optional<TorchFiles> of(Submission submission) {
            if (submission.model().isPresent()) {
                return Optional.empty();
            }
            return submission.torchModel().file().map(model -> new TorchFiles(model, Sha256.of(model),
                    submission.notebook().file().map(Sha256::of).orElse("-")));
        }

        /** The key of this model's outcome with these predictions; with "", what every such key starts with. */
        String key(String predictionsDigest) {
            return String.join(" ", modelDigest, notebookDigest, predictionsDigest);
        }
    }

    @Override
    public PartResult grade(Submission submission) {
        Optional<TorchFiles> torchFiles = TorchFiles.of(submission);
        // A my_model.pt's worker starts now, unless this part evaluated the same model and notebook
        // before: importing PyTorch overlaps reading the held-out set.
        Optional<TorchModels.Session> early = torchFiles.filter(files -> torchEvaluated.keySet().stream()
                .noneMatch(key -> key.startsWith(files.key("")))).map(files -> torch.start());
        try {
            return grade(submission, torchFiles, early);
        } finally {
            early.ifPresent(TorchModels.Session::close);
        }
    }

    private PartResult grade(Submission submission, Optional<TorchFiles> torchFiles,
                             Optional<TorchModels.Session> early) {
        // Only a predictions or model file is scored against the held-out set: without one, its 8 MB
        // are neither read nor checked (a Q1-only submission's grade is that much quicker).
        boolean scoresAgainstHeldOut = submission.predictions().isPresent() || submission.model().isPresent()
                || torchFiles.isPresent();
        HeldOutData heldOut = scoresAgainstHeldOut ? data.get() : NOT_READ;
        Q1Edition edition = editions.choose(submission).edition();
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<int[]> predictions = read(submission.predictions().file(), submission.predictions().problem(),
                heldOut.size(), lines);
        Evidence.Builder evidence = new Evidence.Builder();
        ModelRun model = runModel(submission, edition, heldOut, predictions, lines, notes, evidence, torchFiles, early);
        Optional<Notebook> notebook = submission.notebook().file().map(Notebook::read);
        notebook.ifPresent(n -> lines.add(n.describe()));
        List<TestResult> notebookTest = notebookTest(submission, notebook);
        Optional<Double> agreement = model.labels().isPresent() && predictions.isPresent()
                ? Optional.of(ConventionChoice.agreement(model.labels().get(), predictions.get())) : Optional.empty();
        boolean verified = model.labels().isPresent() && agreement.map(a -> a >= HeldOutScore.AGREEMENT_NEEDED).orElse(true);
        Optional<int[]> scored = verified ? model.labels() : predictions;
        if (scored.isEmpty()) {
            PartResult zero = zeroWith(evidence.build(), "Q2 scores zero: there is nothing the grader can score. "
                    + String.join(" ", lines) + " Submit predictions.npy (np.save of one label 0..9 per held-out image,"
                    + " in their order) and " + edition.modelFile() + ": " + edition.howToSubmitModel() + ".");
            return new PartResult(concat(zero.tests(), notebookTest), notes, Optional.empty(), List.of(), zero.evidence());
        }
        scored.ifPresent(evidence::predictions);
        ConfusionMatrix matrix = new ConfusionMatrix(heldOut.labels(), scored.get());
        double accuracy = matrix.accuracy();
        String predictionsFile = submission.predictions().file().map(submission::relative).orElse("predictions.npy");
        String why = verified ? agreement.map(a -> String.format(Locale.ROOT,
                        "%s, run by the grader, reproduces %s on %.2f%% of the held-out images (%.0f%% needed)",
                        edition.modelFile(), predictionsFile, a, HeldOutScore.AGREEMENT_NEEDED))
                .orElse(edition.modelFile() + " was run by the grader, and there was no usable predictions file to"
                        + " compare it with")
                : agreement.map(a -> String.format(Locale.ROOT,
                        "%s, run by the grader, agrees with %s on only %.2f%% of the held-out images (%.0f%% needed)",
                        edition.modelFile(), predictionsFile, a, HeldOutScore.AGREEMENT_NEEDED)).orElse(model.whyNot());
        Rubric.HeldOut points = rubric.heldout();
        boolean earns = verified || points.scoresUnverified();
        String source = verified ? model.source() : predictionsFile;
        StringBuilder output = new StringBuilder(String.format(Locale.ROOT,
                "Held-out accuracy: %.2f%% (%s). Full points at %.1f%%, none at %.1f%% or below, linear between.%n",
                accuracy, source, points.fullAt(), points.zeroAt()));
        agreement.ifPresent(a -> output.append(String.format(Locale.ROOT, "%s and %s agree on %.2f%% of the images.%s%n",
                edition.modelFile(), predictionsFile, a, a < HeldOutScore.AGREEMENT_NEEDED ? " That is low: did you"
                        + " save the predictions from another model or training run, or in another order than the"
                        + " held-out images?" : "")));
        if (verified) {
            output.append("Q2 is verified: ").append(why).append(", so the model's own accuracy is scored.\n");
        } else {
            output.append("Q2 is unverified: ").append(why).append(". ").append(earns
                    ? "The score comes from " + predictionsFile + " alone and is flagged for the course staff, who may"
                    + " check it." : "This course gives an unverified Q2 no points.").append(" To verify it, ")
                    .append(edition.howToSubmitModel()).append(".\n");
        }
        lines.forEach(l -> output.append(l).append('\n'));
        output.append('\n').append(matrix.render());
        List<String> flags = new ArrayList<>();
        if (accuracy > IMPLAUSIBLE_ACCURACY) {
            flags.add(String.format(Locale.ROOT, "held-out accuracy %.2f%% is above %.0f%%, more than networks of this"
                    + " homework's size reach on Fashion-MNIST", accuracy, IMPLAUSIBLE_ACCURACY));
        }
        TestResult test = new TestResult(TEST_NAME, earns ? Points.round(points.pointsFor(accuracy)) : 0, points.points(),
                output.toString().strip(), rubric.visibility().heldout(), List.of(HeldOutScore.TEST_TAG, "q2"));
        return new PartResult(concat(List.of(test), notebookTest), notes,
                Optional.of(new HeldOutScore(accuracy, verified, why, flags)), List.of(), evidence.build());
    }

    /** Runs the submitted model on the held-out images: my_model.json here, my_model.pt in the sandbox. */
    private ModelRun runModel(Submission submission, Q1Edition edition, HeldOutData heldOut, Optional<int[]> predictions,
                              List<String> lines, List<String> notes, Evidence.Builder evidence,
                              Optional<TorchFiles> torchFiles, Optional<TorchModels.Session> early) {
        if (submission.model().isPresent()) {
            Optional<int[]> labels = evaluate(submission.model().file(), submission.model().problem(), heldOut, lines,
                    evidence);
            return new ModelRun(labels, ModelFile.FILE_NAME + ", evaluated by the grader",
                    ModelFile.FILE_NAME + " could not be evaluated");
        }
        if (torchFiles.isPresent()) {
            // Its weights stay in the sandbox: identical my_model.pt files are compared by their bytes.
            evidence.model(torchFiles.get().modelDigest(), null);
            TorchModelScore.Outcome outcome = evaluateTorch(torchFiles.get(), submission, heldOut, predictions, early);
            lines.addAll(outcome.lines());
            notes.addAll(outcome.staffNotes());
            return new ModelRun(outcome.labels(), outcome.source().orElse(null), outcome.whyNot().orElse(null));
        }
        // Neither is there: speak of this edition's model file only (a doubled one has its own message).
        FileLookup own = edition.modelFile().equals(ModelFile.FILE_NAME) ? submission.model() : submission.torchModel();
        own.problem().ifPresent(lines::add);
        return new ModelRun(Optional.empty(), null, own.problem().filter(p -> p.contains("candidates"))
                .map(p -> "the submission holds more than one " + edition.modelFile())
                .orElse("there is no model file (" + edition.modelFile() + ")"));
    }

    /** The my_model.pt's outcome: remembered when the same file, notebook and predictions were evaluated before. */
    private TorchModelScore.Outcome evaluateTorch(TorchFiles files, Submission submission, HeldOutData heldOut,
                                                  Optional<int[]> predictions, Optional<TorchModels.Session> early) {
        Path model = files.model();
        String key = files.key(predictions.map(Q2Part::digest).orElse("-"));
        TorchEvaluated known = torchEvaluated.get(key);
        TorchModelScore.Outcome outcome = known != null && known.heldOut() == heldOut ? known.outcome()
                : early.isPresent() ? TorchModelScore.evaluate(model, submission, heldOut.images(), predictions, torch,
                        early.get())
                : TorchModelScore.evaluate(model, submission, heldOut.images(), predictions, torch);
        if (known == null && outcome.labels().isPresent() && torchEvaluated.size() < MAX_EVALUATED) {
            torchEvaluated.put(key, new TorchEvaluated(heldOut, outcome));
        }
        // Each submission's report gets labels of its own.
        return new TorchModelScore.Outcome(outcome.labels().map(int[]::clone), outcome.source(), outcome.lines(),
                outcome.staffNotes(), outcome.whyNot());
    }

    private static String digest(int[] labels) {
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bytes[i] = (byte) labels[i];
        }
        return Sha256.of(bytes);
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
                rubric.visibility().heldout(), List.of(HeldOutScore.TEST_TAG, "q2"))), List.of(), Optional.empty(), List.of(), evidence);
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

    private Optional<int[]> evaluate(Optional<Path> file, Optional<String> problem, HeldOutData heldOut,
                                     List<String> lines, Evidence.Builder evidence) {
        if (file.isEmpty()) {
            problem.ifPresent(lines::add);
            return Optional.empty();
        }
        try {
            String sha = Sha256.of(file.get());
            Evaluated known = evaluated.get(sha);
            if (known != null && known.heldOut() == heldOut) {
                evidence.model(sha, known.digest());
                return Optional.of(known.labels().clone());
            }
            ModelFile model = ModelFiles.read(file.get());
            String digest = ModelDigest.of(model);
            evidence.model(sha, digest);
            int[] labels = ModelEvaluator.predict(model, heldOut.images());
            if (evaluated.size() < MAX_EVALUATED) {
                evaluated.put(sha, new Evaluated(heldOut, digest, labels.clone()));
            }
            return Optional.of(labels);
        } catch (StudentFileException e) {
            lines.add("Your my_model.json could not be evaluated, so the predictions file is scored instead: "
                    + e.getMessage());
            return Optional.empty();
        }
    }
}
