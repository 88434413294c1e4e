package edu.mlcourse.hw5.data;

import edu.mlcourse.hw5.model.ModelFile;
import java.util.Objects;

/**
 * Images turned into model inputs, one row of {@value FashionMnist#PIXELS} numbers per image, with
 * their labels 0..9.
 *
 * @param inputs N rows, each the pixels of one image after {@link ModelFile.Input} preprocessing
 * @param labels N labels, {@code labels[i]} the class of {@code inputs[i]}
 */
public record Examples(double[][] inputs, int[] labels) {
    public Examples {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(labels, "labels");
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
    }

    /** Preprocesses images as {@code input} says and pairs them with their labels. */
    public static Examples of(byte[][] images, byte[] labels, ModelFile.Input input) {
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        int[] classes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            classes[i] = Byte.toUnsignedInt(labels[i]);
        }
        return new Examples(inputs(images, input), classes);
    }

    /** Each pixel p (0..255) becomes {@code (p / scale − mean) / std}, as the grader will compute it. */
    public static double[][] inputs(byte[][] images, ModelFile.Input input) {
        // A lookup table: 256 possible pixel values, computed once, identical for every image.
        double[] value = new double[256];
        for (int p = 0; p < 256; p++) {
            value[p] = (p / input.scale() - input.mean()) / input.std();
        }
        double[][] rows = new double[images.length][];
        for (int i = 0; i < images.length; i++) {
            byte[] image = images[i];
            double[] row = new double[image.length];
            for (int k = 0; k < image.length; k++) {
                row[k] = value[Byte.toUnsignedInt(image[k])];
            }
            rows[i] = row;
        }
        return rows;
    }

    public int size() {
        return labels.length;
    }
}
