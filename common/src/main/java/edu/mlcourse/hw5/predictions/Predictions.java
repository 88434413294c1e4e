package edu.mlcourse.hw5.predictions;

import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.npy.NpyException;
import edu.mlcourse.hw5.npy.NpyReader;
import edu.mlcourse.hw5.predictions.PredictionsException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a student's predictions, one class label 0..9 per held-out image in the images' order,
 * from any of the three formats, and checks them the same way whatever the format:
 *
 * <ul>
 *   <li>{@code predictions.npy}: {@code np.save} of an integer array, read by {@link NpyReader};
 *   <li>{@code predictions.csv}: one label per line ({@link CsvPredictions} says what is tolerated);
 *   <li>{@code predictions.json}: a JSON array of numbers, {@code [3, 1, 4, ...]}.
 * </ul>
 *
 * <p>The format follows the file's extension (any case), so the grader may pass other names too.
 * Whole numbers written as floats ({@code 3.0}) are accepted in every format, since numpy and
 * pandas write them that way unless told otherwise.
 *
 * <pre>{@code
 * int[] labels = Predictions.read(Path.of("submission/predictions.csv"), 10_000);
 * }</pre>
 */
public final class Predictions {
    /** Ample for 10 000 labels in any format (about 80 KB as .npy), small enough to read at once. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** The file names students are told to use, in order of preference. */
    public static final List<String> FILE_NAMES = List.of("predictions.npy", "predictions.csv", "predictions.json");

    private static final String FORMATS = "Save your predictions as predictions.npy (np.save), predictions.csv"
            + " (one label per line) or predictions.json (a JSON array).";

    private Predictions() {
    }

    /**
     * The labels in {@code file}, after checking that there are exactly {@code expectedCount} of
     * them and that each is a class 0..9.
     *
     * @throws PredictionsException with a message for the student when the file cannot be graded
     */
    public static int[] read(Path file, int expectedCount) {
        if (expectedCount < 0) {
            throw new IllegalArgumentException("expectedCount must be >= 0, got " + expectedCount);
        }
        String name = String.valueOf(file.getFileName());
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
        if (!extension.equals(".npy") && !extension.equals(".csv") && !extension.equals(".json")) {
            throw new PredictionsException(Kind.UNSUPPORTED_FORMAT, name, name + " is not a format the grader reads."
                    + " " + FORMATS);
        }
        checkFile(file, name, expectedCount);
        int[] labels = switch (extension) {
            case ".npy" -> readNpy(file, name);
            case ".csv" -> CsvPredictions.parse(PredictionsText.read(file, name), name);
            default -> JsonPredictions.parse(PredictionsText.read(file, name), name);
        };
        checkLabels(labels, expectedCount, name);
        return labels;
    }

    private static void checkFile(Path file, String name, int expectedCount) {
        if (!Files.exists(file)) {
            throw new PredictionsException(Kind.MISSING, name, name + " was not found. " + FORMATS);
        }
        if (!Files.isRegularFile(file)) {
            throw new PredictionsException(Kind.MISSING, name, name + " is a folder, not a file. " + FORMATS);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
        if (size == 0) {
            throw new PredictionsException(Kind.EMPTY, name, name + " is empty (0 bytes); it must hold "
                    + expectedCount + " labels, one per held-out image.");
        }
        if (size > MAX_FILE_BYTES) {
            throw new PredictionsException(Kind.TOO_LARGE, name, name + " is " + size + " bytes, more than the "
                    + MAX_FILE_BYTES + " accepted; " + expectedCount + " labels take far less. Save only the"
                    + " predicted labels, one per held-out image.");
        }
    }

    private static int[] readNpy(Path file, String name) {
        try {
            return NpyReader.readInts(file);
        } catch (NpyException e) {
            throw new PredictionsException(Kind.MALFORMED, name, e.getMessage(), e);
        }
    }

    /** The checks every format shares: the count, then each label's range. */
    private static void checkLabels(int[] labels, int expectedCount, String name) {
        if (labels.length != expectedCount) {
            throw new PredictionsException(Kind.WRONG_LENGTH, name, name + " holds " + labels.length
                    + " labels, but there are " + expectedCount + " held-out images: expected " + expectedCount
                    + ", got " + labels.length + ". Predict one label for each held-out image, in their order.");
        }
        int bad = 0;
        int first = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= FashionMnist.CLASSES) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            throw new PredictionsException(Kind.LABEL_OUT_OF_RANGE, name, name + ": the label at index " + first
                    + " (preds[" + first + "] in Python, counting from 0) is " + labels[first] + ", but classes are"
                    + " 0.." + (FashionMnist.CLASSES - 1) + (bad > 1 ? " (" + bad + " labels are outside that range)" : "")
                    + ". Save the predicted class numbers, not scores or class names.");
        }
    }
}
