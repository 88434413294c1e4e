package edu.mlcourse.hw5.model;

import java.util.List;

/**
 * {@code my_model.json}: a sequential network applied to flattened 28×28 images whose pixels are
 * scaled to [0, 1] (pixel / 255). Example:
 *
 * <pre>{@code
 * {"format": "hw5-model/1", "input": {"scale": 255.0},
 *  "layers": [{"type": "linear", "W": [[...784 rows of 128...]], "b": [...128...]},
 *             {"type": "relu"},
 *             {"type": "linear", "W": [[...]], "b": [...10...]},
 *             {"type": "softmax"}]}
 * }</pre>
 *
 * @param format always {@link #FORMAT}
 * @param input how pixels are turned into inputs
 * @param layers applied in order; the first takes 784 inputs, the last linear gives 10 scores
 */
public record ModelFile(String format, Input input, List<Layer> layers) {
    public static final String FORMAT = "hw5-model/1";
    public static final String FILE_NAME = "my_model.json";

    /** A model over pixels divided by 255. */
    public static ModelFile of(List<Layer> layers) {
        return new ModelFile(FORMAT, Input.UNIT_SCALE, List.copyOf(layers));
    }

    /**
     * Input preprocessing: every pixel value 0..255 becomes {@code (pixel / scale − mean) / std}.
     *
     * @param scale divides the raw pixel value, 255 for [0, 1]
     * @param mean subtracted after scaling (0 if you did not centre the data)
     * @param std divides after centring (1 if you did not standardise the data)
     */
    public record Input(double scale, double mean, double std) {
        public static final Input UNIT_SCALE = new Input(255.0, 0.0, 1.0);
    }
}
