package edu.mlcourse.hw5.model;

import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads (with validation) and writes {@code my_model.json}. */
public final class ModelFiles {
    /**
     * Far above any network this homework needs (784-2048-1024-10 has 3.7 million), low enough that
     * the grader evaluates the largest allowed model on the held-out set in seconds.
     */
    public static final long MAX_PARAMETERS = 4_000_000L;
    public static final int MAX_LAYERS = 64;
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private ModelFiles() {
    }

    public static void write(Path file, ModelFile model) throws IOException {
        validate(model, file);
        Files.write(file, Json.mapper().writeValueAsBytes(model));
    }

    /** Reads and validates a model file; every problem is reported with what to fix. */
    public static ModelFile read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new StudentFileException(file.getFileName() + " is " + size / (1024 * 1024)
                        + " MB; model files over " + MAX_FILE_BYTES / (1024 * 1024) + " MB are not accepted.");
            }
            ModelFile model = Json.mapper().readValue(file.toFile(), ModelFile.class);
            validate(model, file);
            return model;
        } catch (IOException e) {
            throw new StudentFileException(file.getFileName() + " is not a valid " + ModelFile.FORMAT + " model file: "
                    + Json.describe(e) + ". Write it with ModelFiles.write (see the Q2 README).", e);
        }
    }

    /** Checks format, shapes that chain from 784 inputs to 10 outputs, finite values and size. */
    public static void validate(ModelFile model, Path file) {
        String name = file.getFileName().toString();
        if (model == null || !ModelFile.FORMAT.equals(model.format())) {
            throw new StudentFileException(name + ": \"format\" must be \"" + ModelFile.FORMAT + "\".");
        }
        ModelFile.Input input = model.input();
        if (input == null || !(input.scale() > 0) || !(input.std() > 0) || !Double.isFinite(input.mean())
                || !Double.isFinite(input.scale()) || !Double.isFinite(input.std())) {
            throw new StudentFileException(name + ": \"input\" needs a positive \"scale\" and \"std\" and a finite \"mean\".");
        }
        List<Layer> layers = model.layers();
        if (layers == null || layers.stream().noneMatch(l -> l instanceof Layer.Linear)) {
            throw new StudentFileException(name + ": \"layers\" must hold at least one linear layer.");
        }
        if (layers.size() > MAX_LAYERS) {
            throw new StudentFileException(name + " has " + layers.size() + " layers; at most " + MAX_LAYERS + " are accepted.");
        }
        int width = FashionMnist.PIXELS;
        long parameters = 0;
        for (int index = 0; index < layers.size(); index++) {
            Layer layer = layers.get(index);
            String where = name + ": layer " + index;
            if (layer == null) {
                throw new StudentFileException(where + " is null.");
            }
            if (layer instanceof Layer.Linear linear) {
                if (linear.weights() == null || linear.bias() == null) {
                    throw new StudentFileException(where + " (linear) needs both \"W\" and \"b\".");
                }
                if (linear.inputs() != width) {
                    throw new StudentFileException(where + " (linear) has W with " + linear.inputs() + " rows but receives "
                            + width + " values; W must be inputs×outputs (D×M), as in Q1.linearForward.");
                }
                int outputs = linear.outputs();
                for (int r = 0; r < linear.weights().length; r++) {
                    double[] row = linear.weights()[r];
                    if (row == null || row.length != outputs) {
                        throw new StudentFileException(where + " (linear): W[" + r + "] has "
                                + (row == null ? "no" : row.length) + " entries but b has " + outputs + ".");
                    }
                    requireFinite(row, where + " (linear): W[" + r + "]");
                }
                requireFinite(linear.bias(), where + " (linear): b");
                parameters += (long) width * outputs + outputs;
                if (parameters > MAX_PARAMETERS) {
                    throw new StudentFileException(name + " has more than " + MAX_PARAMETERS + " parameters.");
                }
                width = outputs;
            }
        }
        if (width != FashionMnist.CLASSES) {
            throw new StudentFileException(name + ": the last linear layer gives " + width + " outputs; it must give "
                    + FashionMnist.CLASSES + ", one score per class.");
        }
    }

    private static void requireFinite(double[] values, String where) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new StudentFileException(where + "[" + i + "] is " + values[i] + "; every parameter must be finite.");
            }
        }
    }
}
