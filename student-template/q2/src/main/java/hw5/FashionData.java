package hw5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.LabelledImages;
import edu.mlcourse.hw5.data.Q2Data;
import edu.mlcourse.hw5.model.ModelFile;

/**
 * Q2's data as NDArrays (DJL's tensors, like torch.tensor): every image a {@code (1, 28, 28)}
 * tensor of floats, its pixels preprocessed as {@link ModelFile.Input} says (pixel / 255 by
 * default), and every label a class number 0..9. Given: you need not change it.
 *
 * @param trainImages {@code (55000, 1, 28, 28)}
 * @param trainLabels {@code (55000)}, the classes as floats (what DJL's datasets and losses take)
 * @param validationImages {@code (5000, 1, 28, 28)}, never trained on
 * @param validationLabels the 5000 validation classes
 * @param heldOutImages {@code (10000, 1, 28, 28)}, the images you predict; the grader has their labels
 */
record FashionData(NDArray trainImages, NDArray trainLabels, NDArray validationImages, int[] validationLabels,
                   NDArray heldOutImages) {
    /** One image's shape: channels, rows, columns. */
    static final Shape IMAGE = new Shape(1, FashionMnist.ROWS, FashionMnist.COLUMNS);

    /** The arrays of {@code data}, owned by {@code manager} (closing it frees them). */
    static FashionData of(NDManager manager, Q2Data data, ModelFile.Input input) {
        LabelledImages validation = data.validation();
        int[] validationLabels = new int[validation.size()];
        for (int i = 0; i < validationLabels.length; i++) {
            validationLabels[i] = validation.label(i);
        }
        return new FashionData(images(manager, data.training().images(), input), labels(manager, data.training()),
                images(manager, validation.images(), input), validationLabels, images(manager, data.heldOut(), input));
    }

    /**
     * The training set in minibatches of {@code batchSize}, in a new random order every epoch (from
     * the engine's seeded random numbers), the last batch smaller when the size does not divide.
     */
    Dataset training(int batchSize) {
        return new ArrayDataset.Builder().setData(trainImages).optLabels(trainLabels).setSampling(batchSize, true).build();
    }

    private static NDArray images(NDManager manager, byte[][] images, ModelFile.Input input) {
        double[] table = input.table();
        int pixels = FashionMnist.PIXELS;
        float[] values = new float[images.length * pixels];
        for (int i = 0; i < images.length; i++) {
            for (int p = 0; p < pixels; p++) {
                values[i * pixels + p] = (float) table[Byte.toUnsignedInt(images[i][p])];
            }
        }
        return manager.create(values, new Shape(images.length).addAll(IMAGE));
    }

    private static NDArray labels(NDManager manager, LabelledImages set) {
        float[] labels = new float[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.label(i);
        }
        return manager.create(labels);
    }
}
