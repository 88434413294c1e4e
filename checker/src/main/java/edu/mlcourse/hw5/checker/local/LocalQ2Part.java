package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.checker.edition.python.ConventionChoice;
import edu.mlcourse.hw5.checker.edition.python.TorchModelScore;
import edu.mlcourse.hw5.checker.edition.python.TorchModels;
import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.submission.FileLookup;
import edu.mlcourse.hw5.checker.submission.Notebook;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.model.ModelShapes;
import edu.mlcourse.hw5.predictions.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Q2 as a student can check it: the grader's own checks of {@code predictions.npy} and of the
 * model file ({@code my_model.json}; or the Python edition's {@code my_model.pt}, run here as the
 * grader runs it, when this machine has PyTorch), without a score, since only the grader has the
 * held-out labels.
 */
public final class LocalQ2Part implements SubmissionPart {
    private final Supplier<byte[][]> heldOutImages;
    private final TorchModels torch;

    /**
     * @param heldOutImages the held-out images (one prediction each); may still be loading
     * @param torch where a my_model.pt is evaluated
     */
    public LocalQ2Part(Supplier<byte[][]> heldOutImages, TorchModels torch) {
        this.heldOutImages = heldOutImages;
        this.torch = torch;
    }

    @Override
    public String name() {
        return "Q2";
    }

    @Override
    public PartResult grade(Submission submission) {
        List<String> notes = new ArrayList<>();
        Read predictions = predictions(submission.predictions(), submission);
        notes.add(predictions.note());
        if (submission.torchModel().isPresent() && !submission.model().isPresent()) {
            notes.add(torchModel(submission, predictions.labels()));
        } else {
            notes.add(model(submission.model(), submission));
        }
        submission.notebook().file().map(Notebook::read).ifPresent(n -> notes.add("Q2: " + n.describe()));
        notes.add("Q2's accuracy is measured by the grader on held-out labels you do not have: estimate it on your"
                + " validation split.");
        return new PartResult(List.of(), notes, Optional.empty(), List.of());
    }

    @Override
    public PartResult ungraded(String reason) {
        return new PartResult(List.of(), List.of(), Optional.empty(), List.of());
    }

    /** A predictions file as the grader reads it: the note for the student, and its labels if usable. */
    private record Read(String note, Optional<int[]> labels) {
    }

    private Read predictions(FileLookup lookup, Submission submission) {
        if (lookup.file().isEmpty()) {
            return new Read("Q2: " + lookup.problem().orElse("") + " Run Q2 to write it.", Optional.empty());
        }
        String name = submission.relative(lookup.file().get());
        // Outside the try: missing held-out images are the course's files, not a fault of the predictions.
        int count = heldOutImages.get().length;
        try {
            int[] labels = Predictions.read(lookup.file().get(), count);
            int[] perClass = new int[FashionMnist.CLASSES];
            for (int label : labels) {
                perClass[label]++;
            }
            return new Read("Q2: " + name + " holds " + labels.length + " valid labels; per class: "
                    + java.util.stream.IntStream.range(0, FashionMnist.CLASSES).mapToObj(c -> c + ":" + perClass[c])
                    .collect(Collectors.joining(" ")) + ".", Optional.of(labels));
        } catch (StudentFileException e) {
            return new Read("Q2: " + name + " would be refused by the grader: " + e.getMessage(), Optional.empty());
        }
    }

    /** The Python edition's model, run here as the grader runs it, where this machine can. */
    private String torchModel(Submission submission, Optional<int[]> predictions) {
        Path model = submission.torchModel().file().orElseThrow();
        TorchModelScore.Outcome outcome = TorchModelScore.evaluate(model, submission, heldOutImages.get(), predictions,
                torch);
        List<String> lines = new ArrayList<>(outcome.lines());
        outcome.staffNotes().forEach(note -> lines.add(note.replace("Note for the course staff: ", "")
                .replace("; Q2 was scored from the predictions file alone.", ": it was not checked here; the grader"
                        + " evaluates it in its sandbox with PyTorch.")));
        if (outcome.labels().isPresent()) {
            lines.add(0, predictions.map(p -> {
                double agreement = ConventionChoice.agreement(outcome.labels().get(), p);
                boolean verified = agreement >= HeldOutScore.AGREEMENT_NEEDED;
                return String.format(java.util.Locale.ROOT, "The grader runs %s; it agrees with your predictions on"
                        + " %.2f%% of the images, so Q2 would be %s.", outcome.source().orElseThrow(), agreement,
                        verified ? "verified (the model's own accuracy is scored)" : "unverified (the predictions file"
                                + " is scored and flagged for the staff): save both files from the same model");
            }).orElse("The grader would score " + outcome.source().orElseThrow() + "."));
        }
        return "Q2: " + String.join("\n", lines);
    }

    private static String model(FileLookup lookup, Submission submission) {
        if (lookup.file().isEmpty()) {
            return "Q2: " + lookup.problem().orElse("") + " Q2 writes it with the given ModelExport. Without it Q2"
                    + " cannot be verified: the grader scores the predictions file alone and flags it for the staff.";
        }
        try {
            ModelFile model = ModelFiles.read(lookup.file().get());
            ModelShapes.Summary summary = ModelFiles.validate(model, lookup.file().get());
            String layers = model.layers().stream().map(Layer::typeName).collect(Collectors.joining(", "));
            return "Q2: " + submission.relative(lookup.file().get()) + " is a valid model (" + layers + "; "
                    + summary.parameters() + " parameters, " + summary.multiplyAdds() + " multiply-adds per image);"
                    + " the grader evaluates it itself on the held-out images. Q2 is verified when it reproduces your"
                    + " predictions on at least " + String.format(java.util.Locale.ROOT, "%.0f", HeldOutScore.AGREEMENT_NEEDED)
                    + "% of them: then its own accuracy is scored.";
        } catch (StudentFileException e) {
            return "Q2: my_model.json would be refused by the grader: " + e.getMessage();
        }
    }
}
