package edu.mlcourse.hw5.model;

import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads (with validation) and writes {@code my_model.json}. */
public final class ModelFiles {
    /**
     * Far above any network this homework needs (784-2048-1024-10 has 3.7 million), low enough that
     * the file stays a few tens of megabytes.
     */
    public static final long MAX_PARAMETERS = 4_000_000L;
    /**
     * Multiply-adds per image, far above a small CNN's one to five million, low enough that the
     * grader evaluates the largest allowed model on the 10000 held-out images within a minute.
     */
    public static final long MAX_MULTIPLY_ADDS = 25_000_000L;
    public static final int MAX_LAYERS = 64;
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** What the first format could hold. */
    private static final Set<Class<? extends Layer>> V1_LAYERS = Set.of(Layer.Linear.class, Layer.Relu.class,
            Layer.Softmax.class);

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
                    + Json.describe(e) + ". Write it with the given ModelExport (see the Q2 README).", e);
        }
    }

    /**
     * Checks format, input, shapes that chain from the input to 10 scores, complete and finite
     * arrays, and size; returns what the model computes and costs.
     */
    public static ModelShapes.Summary validate(ModelFile model, Path file) {
        String name = file.getFileName().toString();
        if (model == null || !(ModelFile.FORMAT.equals(model.format()) || ModelFile.FORMAT_V1.equals(model.format()))) {
            throw new StudentFileException(name + ": \"format\" must be \"" + ModelFile.FORMAT + "\".");
        }
        ModelFile.Input input = model.input();
        if (input == null || !(input.scale() > 0) || !(input.std() > 0) || !Double.isFinite(input.mean())
                || !Double.isFinite(input.scale()) || !Double.isFinite(input.std())) {
            throw new StudentFileException(name + ": \"input\" needs a positive \"scale\" and \"std\" and a finite \"mean\".");
        }
        if (!input.shape().equals(ModelFile.Input.IMAGE) && !input.shape().equals(ModelFile.Input.FLAT)) {
            throw new StudentFileException(name + ": \"input\" \"shape\" is " + input.shape() + "; it must be "
                    + ModelFile.Input.IMAGE + " (images, for convolutions) or " + ModelFile.Input.FLAT + " (flattened images).");
        }
        List<Layer> layers = model.layers();
        if (layers == null || layers.isEmpty()) {
            throw new StudentFileException(name + ": \"layers\" is empty; it must hold the network's layers.");
        }
        if (layers.size() > MAX_LAYERS) {
            throw new StudentFileException(name + " has " + layers.size() + " layers; at most " + MAX_LAYERS + " are accepted.");
        }
        if (ModelFile.FORMAT_V1.equals(model.format())) {
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) != null && !V1_LAYERS.contains(layers.get(i).getClass())) {
                    throw new StudentFileException(name + ": layer " + i + " (" + layers.get(i).typeName() + ") needs \"format\": \""
                            + ModelFile.FORMAT + "\"; " + ModelFile.FORMAT_V1 + " holds linear, relu and softmax layers only.");
                }
            }
        }
        ModelShapes.Summary summary = ModelShapes.check(model, name);
        if (summary.parameters() > MAX_PARAMETERS) {
            throw new StudentFileException(name + " has " + summary.parameters() + " parameters; at most " + MAX_PARAMETERS
                    + " are accepted. A smaller network reaches 90% too.");
        }
        if (summary.multiplyAdds() > MAX_MULTIPLY_ADDS) {
            throw new StudentFileException(name + " needs " + summary.multiplyAdds() + " multiply-adds per image; at most "
                    + MAX_MULTIPLY_ADDS + " are accepted. Use fewer filters, or pool earlier.");
        }
        int[] output = summary.output();
        if (output.length != 1 || output[0] != FashionMnist.CLASSES) {
            throw new StudentFileException(name + ": the last layer gives " + ModelShapes.describe(output) + "; the network must end"
                    + " with " + FashionMnist.CLASSES + " values, one score per class.");
        }
        return summary;
    }
}
