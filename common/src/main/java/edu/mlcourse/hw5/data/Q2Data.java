package edu.mlcourse.hw5.data;

import edu.mlcourse.hw5.model.ModelFile;
import java.nio.file.Path;
import java.util.Random;

/**
 * Everything Q2 trains and predicts on: the 60000 Fashion-MNIST training images split into a
 * training set and a validation set, and the held-out images whose labels you predict.
 *
 * <p>The split is random but fixed by its seed, so every run (and every student using the same
 * seed) sees the same validation images. The held-out images are read, checksum verified, from
 * the held-out folder ({@link HeldOutSet}: Fashion-MNIST's test images in a shuffled order).
 *
 * @param training the examples to learn from
 * @param validation examples kept out of training, to measure accuracy on unseen images
 * @param heldOut the images to predict for predictions.npy, without labels
 */
public record Q2Data(Examples training, Examples validation, double[][] heldOut) {
    public static final int DEFAULT_VALIDATION_SIZE = 5000;
    public static final long DEFAULT_SPLIT_SEED = 2026L;

    /**
     * Loads the data set, preprocesses every image with {@code input} and holds out
     * {@code validationSize} random training images (chosen by {@code splitSeed}) for validation.
     *
     * @param heldOutImages the folder of the held-out images and their manifest
     */
    public static Q2Data load(FashionMnist data, Path heldOutImages, ModelFile.Input input, int validationSize,
                              long splitSeed) {
        byte[][] images = data.trainImages();
        byte[] labels = data.trainLabels();
        if (validationSize < 0 || validationSize >= images.length) {
            throw new IllegalArgumentException("validationSize must be in 0.." + (images.length - 1)
                    + ", got " + validationSize);
        }
        int[] order = RandomOrder.of(images.length, new Random(splitSeed));
        Examples all = Examples.of(images, labels, input);
        Examples validation = select(all, order, 0, validationSize);
        Examples training = select(all, order, validationSize, images.length);
        return new Q2Data(training, validation, Examples.inputs(HeldOutSet.readImages(heldOutImages), input));
    }

    private static Examples select(Examples all, int[] order, int from, int to) {
        double[][] inputs = new double[to - from][];
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            inputs[i - from] = all.inputs()[order[i]];
            labels[i - from] = all.labels()[order[i]];
        }
        return new Examples(inputs, labels);
    }
}
