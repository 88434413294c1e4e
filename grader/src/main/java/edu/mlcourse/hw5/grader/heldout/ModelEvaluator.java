package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelShapes;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a student's {@code my_model.json} on the held-out images and returns its predicted class
 * for each: the grader's own forward pass, so no student code runs and nothing is taken on trust.
 *
 * <p>It computes correct layers (among them Q1's linear, ReLU and softmax), which is why it lives in
 * the instructors' grader and never in anything shipped to students. Dropout is the identity at
 * inference. The images go through {@link BlockForward} a block at a time, in single precision as
 * PyTorch and DJL run the network ({@code bench/q2-eval}). A label is the definition's, in doubles:
 * where the two best single-precision scores are too close for rounding to have kept their order
 * (or a score is not finite), the image is evaluated again by {@link PerImageForward}.
 */
public final class ModelEvaluator {
    /** Images evaluated together: a layer's weights are then reused from the cache for the whole block. */
    private static final int BLOCK = 64;

    /**
     * How close, relative to the scores' size, two best single-precision scores must be for the
     * label to be taken from doubles instead. Rounding to {@code float} moves the scores of this
     * course's networks by about 1e-6 of their size ({@code BlockForwardTest} measures it on every
     * layer type); a thousand times that leaves room for networks that cancel far larger
     * intermediate values, and costs a handful of images per model.
     */
    static final double CLOSE = 1e-3;

    private ModelEvaluator() {
    }

    /** The predicted class (index of the highest score, the lowest on ties, in doubles) of every image. */
    public static int[] predict(ModelFile model, byte[][] images) {
        float[][] scores = blockScores(model, images);
        int[] labels = new int[images.length];
        int[] close = IntStream.range(0, images.length).filter(i -> tooClose(scores[i])).toArray();
        for (int i = 0; i < images.length; i++) {
            labels[i] = argmax(BlockForward.doubles(scores[i]));  // widening keeps the order exactly
        }
        int[] exact = exactLabels(model, images, close);
        for (int j = 0; j < close.length; j++) {
            labels[close[j]] = exact[j];
        }
        return labels;
    }

    /** The model's output for every image, its 10 scores, in single precision. */
    public static double[][] scores(ModelFile model, byte[][] images) {
        return Arrays.stream(blockScores(model, images)).map(BlockForward::doubles).toArray(double[][]::new);
    }

    /** Whether rounding may have changed the order of the two best scores, or made one not finite. */
    static boolean tooClose(float[] scores) {
        float first = Float.NEGATIVE_INFINITY;
        float second = Float.NEGATIVE_INFINITY;
        float size = 1;
        for (float v : scores) {
            if (!Float.isFinite(v)) {
                return true;
            }
            size = Math.max(size, Math.abs(v));
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return first - second <= CLOSE * size;
    }

    private static float[][] blockScores(ModelFile model, byte[][] images) {
        List<int[]> shapes = ModelShapes.check(model, ModelFile.FILE_NAME).shapes();
        float[] table = BlockForward.floats(model.input().table());
        BlockForward forward = new BlockForward(model.layers(), shapes);
        float[][] scores = new float[images.length][];
        // Blocks are independent, so splitting them over the cores never changes a result. Each
        // part is a run of blocks with one workspace; more parts than cores keep the cores busy to the end.
        int blocks = blocks(images.length);
        int parts = Math.min(blocks, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, parts).parallel().forEach(part -> {
            BlockForward.Workspace space = forward.workspace();
            for (int block = part * blocks / parts; block < (part + 1) * blocks / parts; block++) {
                int from = block * BLOCK;
                int to = Math.min(images.length, from + BLOCK);
                float[][] x = space.input(to - from, images[from].length);
                for (int i = from; i < to; i++) {
                    preprocess(images[i], table, x[i - from]);
                }
                float[][] out = forward.scores(x, space);
                for (int i = from; i < to; i++) {
                    scores[i] = out[i - from].clone();  // the workspace's rows are the next block's
                }
            }
        });
        return scores;
    }

    /** The labels of images {@code which}, from the definition in doubles. */
    private static int[] exactLabels(ModelFile model, byte[][] images, int[] which) {
        int[] labels = new int[which.length];
        IntStream.range(0, blocks(which.length)).parallel().forEach(block -> {
            int from = block * BLOCK;
            int to = Math.min(which.length, from + BLOCK);
            byte[][] chosen = Arrays.stream(which, from, to).mapToObj(i -> images[i]).toArray(byte[][]::new);
            double[][] scores = PerImageForward.scores(model, chosen);
            for (int j = from; j < to; j++) {
                labels[j] = argmax(scores[j - from]);
            }
        });
        return labels;
    }

    private static int blocks(int count) {
        return (count + BLOCK - 1) / BLOCK;
    }

    private static void preprocess(byte[] image, float[] table, float[] row) {
        for (int k = 0; k < image.length; k++) {
            row[k] = table[Byte.toUnsignedInt(image[k])];
        }
    }

    /** The index of the highest score, the lowest on ties. */
    static int argmax(double[] scores) {
        int best = 0;
        for (int j = 1; j < scores.length; j++) {
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        return best;
    }
}
