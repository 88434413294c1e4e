package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.submission.FileLookup;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.model.ModelShapes;
import edu.mlcourse.hw5.predictions.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Q2 as a student can check it: the grader's own checks of {@code predictions.npy} and
 * {@code my_model.json}, without a score, since only the grader has the held-out labels.
 */
public final class LocalQ2Part implements SubmissionPart {
    private final IntSupplier heldOutCount;

    /** @param heldOutCount how many held-out images there are (one prediction each) */
    public LocalQ2Part(IntSupplier heldOutCount) {
        this.heldOutCount = heldOutCount;
    }

    @Override
    public String name() {
        return "Q2";
    }

    @Override
    public PartResult grade(Submission submission) {
        List<String> notes = new ArrayList<>();
        notes.add(predictions(submission.predictions(), submission));
        notes.add(model(submission.model(), submission));
        notes.add("Q2's accuracy is measured by the grader on held-out labels you do not have: estimate it on your"
                + " validation split.");
        return new PartResult(List.of(), List.of(String.join("\n", notes)), Optional.empty(), List.of());
    }

    @Override
    public PartResult ungraded(String reason) {
        return new PartResult(List.of(), List.of(), Optional.empty(), List.of());
    }

    private String predictions(FileLookup lookup, Submission submission) {
        if (lookup.file().isEmpty()) {
            return "Q2: " + lookup.problem().orElse("") + " Run Q2 to write it.";
        }
        String name = submission.relative(lookup.file().get());
        // Outside the try: missing held-out images are the course's files, not a fault of the predictions.
        int count = heldOutCount.getAsInt();
        try {
            int[] labels = Predictions.read(lookup.file().get(), count);
            int[] perClass = new int[FashionMnist.CLASSES];
            for (int label : labels) {
                perClass[label]++;
            }
            return "Q2: " + name + " holds " + labels.length + " valid labels; per class: "
                    + java.util.stream.IntStream.range(0, FashionMnist.CLASSES).mapToObj(c -> c + ":" + perClass[c])
                    .collect(Collectors.joining(" ")) + ".";
        } catch (StudentFileException e) {
            return "Q2: " + name + " would be refused by the grader: " + e.getMessage();
        }
    }

    private static String model(FileLookup lookup, Submission submission) {
        if (lookup.file().isEmpty()) {
            return "Q2: " + lookup.problem().orElse("") + " Q2 writes it with the given ModelExport.";
        }
        try {
            ModelFile model = ModelFiles.read(lookup.file().get());
            ModelShapes.Summary summary = ModelFiles.validate(model, lookup.file().get());
            String layers = model.layers().stream().map(Layer::typeName).collect(Collectors.joining(", "));
            return "Q2: " + submission.relative(lookup.file().get()) + " is a valid model (" + layers + "; "
                    + summary.parameters() + " parameters, " + summary.multiplyAdds() + " multiply-adds per image);"
                    + " the grader evaluates it itself on the held-out images.";
        } catch (StudentFileException e) {
            return "Q2: my_model.json would be refused by the grader: " + e.getMessage();
        }
    }
}
