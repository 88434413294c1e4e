package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelShapes;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a student's {@code my_model.json} on the held-out images and returns its predicted class
 * for each: the grader's own forward pass, in doubles, so no student code runs and nothing is
 * taken on trust.
 *
 * <p>It computes correct layers (among them Q1's linear, ReLU and softmax), which is why it lives in
 * the instructors' grader and never in anything shipped to students. Dropout is the identity at
 * inference. The images go through {@link BlockForward} a block at a time: convolutions and linear
 * layers as matrix products, at PyTorch's speed on one thread ({@code bench/q2-eval}).
 */
public final class ModelEvaluator {
    /** Images evaluated together: a layer's weights are then reused from the cache for the whole block. */
    private static final int BLOCK = 64;

    private ModelEvaluator() {
    }

    /** The predicted class (index of the highest score, the lowest on ties) of every image. */
    public static int[] predict(ModelFile model, byte[][] images) {
        double[][] scores = scores(model, images);
        int[] predictions = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predictions[i] = argmax(scores[i]);
        }
        return predictions;
    }

    /** The model's output for every image: its 10 scores. */
    public static double[][] scores(ModelFile model, byte[][] images) {
        List<int[]> shapes = ModelShapes.check(model, ModelFile.FILE_NAME).shapes();
        double[] table = model.input().table();
        BlockForward forward = new BlockForward(model.layers(), shapes);
        double[][] scores = new double[images.length][];
        int blocks = (images.length + BLOCK - 1) / BLOCK;
        // Blocks are independent, so splitting them over the cores never changes a result.
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int from = block * BLOCK;
            int to = Math.min(images.length, from + BLOCK);
            double[][] x = new double[to - from][];
            for (int i = from; i < to; i++) {
                x[i - from] = preprocess(images[i], table);
            }
            System.arraycopy(forward.scores(x), 0, scores, from, to - from);
        });
        return scores;
    }

    private static double[] preprocess(byte[] image, double[] table) {
        double[] row = new double[image.length];
        for (int k = 0; k < image.length; k++) {
            row[k] = table[Byte.toUnsignedInt(image[k])];
        }
        return row;
    }

    private static int argmax(double[] scores) {
        int best = 0;
        for (int j = 1; j < scores.length; j++) {
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        return best;
    }
}
