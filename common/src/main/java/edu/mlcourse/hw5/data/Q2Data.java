package edu.mlcourse.hw5.data;

import java.nio.file.Path;
import java.util.Arrays;
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
public record Q2Data(LabelledImages training, LabelledImages validation, byte[][] heldOut) {
    public static final int DEFAULT_VALIDATION_SIZE = 5000;
    public static final long DEFAULT_SPLIT_SEED = 2026L;

    /**
     * Loads the data set and holds out {@code validationSize} random training images (chosen by
     * {@code splitSeed}) for validation.
     *
     * @param heldOutImages the folder of the held-out images and their manifest
     */
    public static Q2Data load(FashionMnist data, Path heldOutImages, int validationSize, long splitSeed) {
        LabelledImages all = new LabelledImages(data.trainImages(), data.trainLabels());
        if (validationSize < 0 || validationSize >= all.size()) {
            throw new IllegalArgumentException("validationSize must be in 0.." + (all.size() - 1)
                    + ", got " + validationSize);
        }
        int[] order = RandomOrder.of(all.size(), new Random(splitSeed));
        return new Q2Data(all.select(Arrays.copyOfRange(order, validationSize, order.length)),
                all.select(Arrays.copyOfRange(order, 0, validationSize)), HeldOutSet.readImages(heldOutImages));
    }
}
