package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.sandbox.ModelRunner;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.protocol.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Python edition's {@code my_model.pt}, evaluated in the sandbox on the held-out images (never
 * their labels), under each input convention the model runs with; the convention whose labels
 * agree best with the student's own {@code predictions.npy} is the one scored. The labels never
 * choose it. Every convention runs on a sample, and only those {@link FullPasses} picks from it run
 * on every image (usually one).
 */
public final class TorchModelScore {
    /** Far above any model this homework needs; the file is read into memory to be sent. */
    static final long MAX_MODEL_BYTES = 256L * 1024 * 1024;

    private TorchModelScore() {
    }

    /**
     * How the worker names the input of a model that carries its own preprocessing (the course's
     * q2.ipynb saves one): it was run once, on the held-out images as they are, and nothing was guessed.
     */
    public static final String AS_SAVED = "as saved";

    /**
     * The labels to score, if the model could be evaluated; what to tell the student and the staff.
     *
     * @param whyNot when there are no labels, why, as the end of "Q2 is unverified: ..."
     */
    public record Outcome(Optional<int[]> labels, Optional<String> source, List<String> lines, List<String> staffNotes,
                          Optional<String> whyNot) {
        static Outcome notEvaluated(List<String> lines, List<String> staffNotes, String whyNot) {
            return new Outcome(Optional.empty(), Optional.empty(), lines, staffNotes, Optional.of(whyNot));
        }
    }

    /**
     * @param images the held-out images, one row of {@link FashionMnist#PIXELS} pixels each
     * @param predictions the student's own predictions file, if usable: it chooses the input convention
     */
    public static Outcome evaluate(Path model, Submission submission, byte[][] images, Optional<int[]> predictions,
                                   TorchModels torch) {
        try (TorchModels.Session session = torch.start()) {
            return evaluate(model, submission, images, predictions, torch, session);
        }
    }

    /** As above, on a {@code session} started from {@code torch} earlier (while the images were read, say). */
    public static Outcome evaluate(Path model, Submission submission, byte[][] images, Optional<int[]> predictions,
                                   TorchModels torch, TorchModels.Session session) {
        List<String> lines = new ArrayList<>();
        Optional<String> unavailable = torch.unavailable();
        if (unavailable.isPresent()) {
            return unavailable(model, submission, unavailable.get());
        }
        long size = size(model);
        if (size > MAX_MODEL_BYTES) {
            lines.add("Your my_model.pt is " + size / (1024 * 1024) + " MB; model files over " + MAX_MODEL_BYTES / (1024 * 1024)
                    + " MB are not evaluated, so the predictions file is scored instead.");
            return Outcome.notEvaluated(lines, List.of(), "my_model.pt is too large to evaluate");
        }
        Optional<Path> notebook = submission.notebook().file();
        ModelRunner.Run run = session.evaluate(new Codec.Evaluate(Submission.TORCH_MODEL, read(model),
                notebook.map(TorchModelScore::read).orElse(null), flatten(images), FashionMnist.ROWS,
                FashionMnist.COLUMNS), new FullPasses(predictions));
        if (run instanceof ModelRunner.NotRun notRun) {
            // The worker may have found out only now that this machine has no PyTorch: told as if known before.
            unavailable = torch.unavailable();
            if (unavailable.isPresent()) {
                return unavailable(model, submission, unavailable.get());
            }
            return Outcome.notEvaluated(List.of(), List.of("Note for the course staff: "
                    + submission.relative(model) + " was not evaluated: " + notRun.reason()
                    + "; Q2 was scored from the predictions file alone."), "the grading machine could not run my_model.pt (" + notRun.reason() + ")");
        }
        if (run instanceof ModelRunner.Refused refused) {
            lines.add("Your my_model.pt could not be evaluated, so the predictions file is scored instead:\n"
                    + refused.reason());
            return Outcome.notEvaluated(lines, List.of(), "my_model.pt could not be evaluated");
        }
        ModelRunner.Ran ran = (ModelRunner.Ran) run;
        Codec.Evaluated evaluated = ran.evaluated();
        evaluated.notes().forEach(lines::add);
        List<Codec.ConventionResult> results = onEveryImage(ran, images.length);
        if (results.stream().allMatch(r -> r.labels() == null)) {
            lines.add("Your my_model.pt loaded but ran on no usual input ((N, 1, 28, 28) or (N, 784) of pixels / 255"
                    + " or 0..255, normalised or not), so the predictions file is scored instead. It said: "
                    + results.stream().map(r -> r.convention() + ": " + r.why()).distinct().limit(2)
                    .reduce((a, b) -> a + "; " + b).orElse("nothing"));
            return Outcome.notEvaluated(lines, List.of(), "my_model.pt loaded but did not run on the held-out images");
        }
        ConventionChoice choice = ConventionChoice.of(results, predictions).orElseThrow();
        choice.worthShowing().forEach(other -> lines.add(String.format(Locale.ROOT, "With input %s the model agrees with"
                + " your predictions on %.2f%% of the images.", other.convention(), other.agreement())));
        Codec.ConventionResult chosen = choice.chosen();
        if (predictions.isEmpty() && !chosen.convention().startsWith(AS_SAVED)) {
            lines.add("Without a predictions file the grader cannot tell which input your model expects, so it used"
                    + " the first it runs with: " + chosen.convention() + ".");
        }
        String output = printed(ran);
        if (!output.isBlank()) {
            lines.add("Loading and running my_model.pt printed:\n" + output.strip());
        }
        return new Outcome(Optional.of(chosen.labels()), Optional.of("my_model.pt, evaluated by the grader with input "
                + chosen.convention()), lines, List.of(), Optional.empty());
    }

    /**
     * Each convention as if it had run on every image: the labels of those completed, why the others
     * did not run (on the sample or later); those the sample ruled out are left out.
     */
    private static List<Codec.ConventionResult> onEveryImage(ModelRunner.Ran ran, int images) {
        List<Codec.ConventionResult> results = new ArrayList<>();
        List<Codec.ConventionResult> sample = ran.evaluated().results();
        for (int i = 0; i < sample.size(); i++) {
            String convention = sample.get(i).convention();
            Codec.Labels full = ran.completed().get(i);
            if (sample.get(i).labels() == null) {
                results.add(sample.get(i));
            } else if (full != null && !full.ran()) {
                results.add(new Codec.ConventionResult(convention, null, full.why()));
            } else if (full != null && full.labels().length != images) {
                results.add(new Codec.ConventionResult(convention, null, "it gave " + full.labels().length
                        + " labels for " + images + " images"));
            } else if (full != null) {
                results.add(new Codec.ConventionResult(convention, full.labels(), null));
            }
        }
        return results;
    }

    /** What loading the model and running it printed, the sample's and each full pass's. */
    private static String printed(ModelRunner.Ran ran) {
        StringBuilder printed = new StringBuilder(Objects.toString(ran.evaluated().output(), ""));
        ran.completed().values().forEach(labels -> printed.append(Objects.toString(labels.output(), "")));
        return printed.toString();
    }

    private static Outcome unavailable(Path model, Submission submission, String why) {
        return Outcome.notEvaluated(List.of(), List.of("Note for the course staff: " + submission.relative(model)
                + " was not evaluated because " + why + "; Q2 was scored from the predictions file alone."),
                "the grading machine could not run my_model.pt (" + why + ")");
    }

        private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] flatten(byte[][] images) {
        int pixels = FashionMnist.PIXELS;
        byte[] all = new byte[images.length * pixels];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, all, i * pixels, pixels);
        }
        return all;
    }
}
