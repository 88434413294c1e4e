package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.report.Points;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.predictions.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Grades Q2: accuracy on the held-out labels. When {@code my_model.json} is present and valid the
 * grader evaluates it itself and scores that accuracy, reporting how often it agrees with the
 * predictions file (low agreement is flagged); otherwise the predictions file is scored.
 */
public final class HeldOutPart implements SubmissionPart {
    /** Below this agreement, the predictions and the model look like they come from different runs. */
    static final double AGREEMENT_WARNING = 99.0;
    private static final String TEST_NAME = "Q2 held-out accuracy";

    private final Supplier<HeldOutData> data;
    private final Rubric rubric;

    /** @param data the held-out set; may still be loading in the background */
    public HeldOutPart(Supplier<HeldOutData> data, Rubric rubric) {
        this.data = data;
        this.rubric = rubric;
    }

    @Override
    public String name() {
        return "Q2";
    }

    @Override
    public PartResult grade(Submission submission) {
        HeldOutData heldOut = data.get();
        List<String> lines = new ArrayList<>();
        Optional<int[]> predictions = read(submission.predictions().file(), submission.predictions().problem(),
                heldOut.size(), lines);
        Optional<int[]> model = evaluate(submission.model().file(), submission.model().problem(), heldOut, lines);
        Optional<int[]> scored = model.or(() -> predictions);
        if (scored.isEmpty()) {
            return zero("Q2 scores zero: there is nothing the grader can score. " + String.join(" ", lines)
                    + " Submit predictions.npy (np.save of one label 0..9 per held-out image, in their order)"
                    + " and my_model.json (written by Q2's given ModelExport).");
        }
        ConfusionMatrix matrix = new ConfusionMatrix(heldOut.labels(), scored.get());
        double accuracy = matrix.accuracy();
        Rubric.HeldOut points = rubric.heldout();
        String source = model.isPresent() ? "my_model.json, evaluated by the grader" : submission.relative(
                submission.predictions().file().orElseThrow());
        StringBuilder output = new StringBuilder(String.format(Locale.ROOT,
                "Held-out accuracy: %.2f%% (%s). Full points at %.1f%%, none at %.1f%% or below, linear between.%n",
                accuracy, source, points.fullAt(), points.zeroAt()));
        if (model.isPresent() && predictions.isPresent()) {
            double agreement = agreement(model.get(), predictions.get());
            output.append(String.format(Locale.ROOT, "my_model.json and %s agree on %.2f%% of the images.%s%n",
                    submission.relative(submission.predictions().file().orElseThrow()), agreement,
                    agreement < AGREEMENT_WARNING ? " That is low: did you save the predictions from another"
                            + " model or training run, or in another order than the held-out images?" : ""));
        }
        lines.forEach(l -> output.append(l).append('\n'));
        output.append('\n').append(matrix.render());
        TestResult test = new TestResult(TEST_NAME, Points.round(points.pointsFor(accuracy)), points.points(),
                output.toString().strip(), rubric.visibility().heldout(), List.of("heldout", "q2"));
        return new PartResult(List.of(test), List.of(), Optional.of(accuracy), List.of());
    }

    @Override
    public PartResult ungraded(String reason) {
        return zero(reason);
    }

    private PartResult zero(String reason) {
        return new PartResult(List.of(new TestResult(TEST_NAME, 0, rubric.heldout().points(), reason,
                rubric.visibility().heldout(), List.of("heldout", "q2"))), List.of(), Optional.empty(), List.of());
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
                                            List<String> lines) {
        if (file.isEmpty()) {
            problem.ifPresent(lines::add);
            return Optional.empty();
        }
        try {
            ModelFile model = ModelFiles.read(file.get());
            return Optional.of(ModelEvaluator.predict(model, heldOut.images()));
        } catch (StudentFileException e) {
            lines.add("Your my_model.json could not be evaluated, so the predictions file is scored instead: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return 100.0 * same / a.length;
    }
}
