package edu.mlcourse.hw5.model;

import java.util.List;

/**
 * {@code my_model.json}: a sequential network that the grader runs, itself, on the held-out
 * images. Format {@value #FORMAT}; files of the first format, {@value #FORMAT_V1} (linear, relu and
 * softmax over flattened images), are still read.
 *
 * <pre>{@code
 * {"format": "hw5-model/2",
 *  "input": {"scale": 255.0, "mean": 0.0, "std": 1.0, "shape": [1, 28, 28]},
 *  "layers": [
 *    {"type": "conv2d", "weight": [F][C][kh][kw], "bias": [F], "stride": [1, 1], "padding": [1, 1]},
 *    {"type": "batchnorm", "mean": [F], "variance": [F], "gamma": [F], "beta": [F], "eps": 1e-5},
 *    {"type": "relu"},
 *    {"type": "maxpool2d", "kernel": [2, 2], "stride": [2, 2], "padding": [0, 0]},
 *    {"type": "avgpool2d", "kernel": [2, 2], "stride": [2, 2], "padding": [0, 0]},
 *    {"type": "dropout", "rate": 0.25},
 *    {"type": "flatten"},
 *    {"type": "linear", "W": [D][M], "b": [M]},
 *    {"type": "softmax"}  or  {"type": "logsoftmax"}]}
 * }</pre>
 *
 * <p>Every pixel p (0..255) of an image becomes {@code (p / scale − mean) / std}, and the image
 * becomes a tensor of {@code input.shape}: {@code [1, 28, 28]} (one channel, rows, columns) or
 * {@code [784]} (the rows one after the other; the default when {@code shape} is absent). Each
 * layer then maps one image's tensor to the next; {@link Layer} gives every layer's formula. The
 * last layer must give 10 values, one score per class; the predicted class is the highest.
 * {@link ModelShapes} checks that the shapes chain.
 *
 * @param format {@value #FORMAT} (or {@value #FORMAT_V1})
 * @param input how pixels become the network's input
 * @param layers applied in order
 */
public record ModelFile(String format, Input input, List<Layer> layers) {
    public static final String FORMAT = "hw5-model/2";
    /** The first format: linear, relu and softmax layers over flattened images. */
    public static final String FORMAT_V1 = "hw5-model/1";
    public static final String FILE_NAME = "my_model.json";

    /** A model over pixels divided by 255, shaped as {@code input.shape}. */
    public static ModelFile of(Input input, List<Layer> layers) {
        return new ModelFile(FORMAT, input, List.copyOf(layers));
    }

    /**
     * Input preprocessing: every pixel value 0..255 becomes {@code (pixel / scale − mean) / std},
     * and an image becomes a tensor of {@code shape}.
     *
     * @param scale divides the raw pixel value, 255 for [0, 1]
     * @param mean subtracted after scaling (0 if you did not centre the data)
     * @param std divides after centring (1 if you did not standardise the data)
     * @param shape {@code [1, 28, 28]} for images, {@code [784]} for flattened images; null means {@code [784]}
     */
    public record Input(double scale, double mean, double std, List<Integer> shape) {
        /** One channel of 28 rows of 28 pixels: what a convolution takes. */
        public static final List<Integer> IMAGE = List.of(1, 28, 28);
        /** The 784 pixels, row after row. */
        public static final List<Integer> FLAT = List.of(784);
        /** Pixels divided by 255, as images. */
        public static final Input UNIT_SCALE = new Input(255.0, 0.0, 1.0, IMAGE);

        public Input {
            shape = shape == null ? FLAT : List.copyOf(shape);
        }

        /** The network's input value of a pixel value 0..255, as the grader computes it. */
        public double value(int pixel) {
            return (pixel / scale - mean) / std;
        }

        /** {@link #value} of every pixel value 0..255, a lookup table for preprocessing many images. */
        public double[] table() {
            double[] table = new double[256];
            for (int p = 0; p < 256; p++) {
                table[p] = value(p);
            }
            return table;
        }
    }
}
