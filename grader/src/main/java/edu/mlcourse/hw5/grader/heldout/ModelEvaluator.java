package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.model.Layer;
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
 * inference, and flatten changes nothing in the row-major arrays the layers pass on.
 */
public final class ModelEvaluator {
    /** Images evaluated together: a linear layer's weight row is then reused from the cache for the whole block. */
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
            System.arraycopy(forward(model.layers(), shapes, x), 0, scores, from, to - from);
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

    /**
     * Every image's tensor is one array in row-major order of its shape ({@code shapes.get(l)}
     * before layer {@code l}), so flatten is free: the channel-first order is already the array's.
     */
    private static double[][] forward(List<Layer> layers, List<int[]> shapes, double[][] x) {
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            int[] in = shapes.get(l);
            if (layer instanceof Layer.Linear linear) {
                x = DenseOps.linear(x, linear.weights(), linear.bias());
            } else if (layer instanceof Layer.Relu) {
                DenseOps.relu(x);
            } else if (layer instanceof Layer.Softmax) {
                DenseOps.softmax(x, false);
            } else if (layer instanceof Layer.LogSoftmax) {
                DenseOps.softmax(x, true);
            } else if (layer instanceof Layer.BatchNorm norm) {
                DenseOps.batchNorm(x, in, norm);
            } else if (layer instanceof Layer.Conv2d conv) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = SpatialOps.conv2d(x[i], in, conv);
                }
            } else if (layer instanceof Layer.MaxPool2d pool) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = SpatialOps.maxPool(x[i], in, pool.kernel(), pool.stride(), pool.padding());
                }
            } else if (layer instanceof Layer.AvgPool2d pool) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = SpatialOps.avgPool(x[i], in, pool.kernel(), pool.stride(), pool.padding());
                }
            }
        }
        return x;
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
