package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.data.Examples;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Runs a student's {@code my_model.json} on the held-out images and returns its predicted class
 * for each: the grader's own forward pass, so no student code runs and nothing is taken on trust.
 *
 * <p>It computes correct linear and ReLU layers, which is why it lives in the instructors' grader
 * and never in anything shipped to students. Softmax is skipped: it does not change which class
 * scores highest.
 */
public final class ModelEvaluator {
    /** Rows evaluated together: each weight row is then reused from the cache for the whole block. */
    private static final int BLOCK = 64;

    private ModelEvaluator() {
    }

    /** The predicted class (index of the highest score, the lowest on ties) of every image. */
    public static int[] predict(ModelFile model, byte[][] images) {
        int[] predictions = new int[images.length];
        int blocks = (images.length + BLOCK - 1) / BLOCK;
        // Blocks are independent, so splitting them over the cores never changes a result.
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int from = block * BLOCK;
            int to = Math.min(images.length, from + BLOCK);
            double[][] scores = forward(model, Examples.inputs(Arrays.copyOfRange(images, from, to), model.input()));
            for (int i = 0; i < scores.length; i++) {
                predictions[from + i] = argmax(scores[i]);
            }
        });
        return predictions;
    }

    private static double[][] forward(ModelFile model, double[][] x) {
        for (Layer layer : model.layers()) {
            if (layer instanceof Layer.Linear linear) {
                x = linear(x, linear.weights(), linear.bias());
            } else if (layer instanceof Layer.Relu) {
                for (double[] row : x) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = row[j] > 0 ? row[j] : 0;
                    }
                }
            }
        }
        return x;
    }

    private static double[][] linear(double[][] x, double[][] w, double[] b) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = b.clone();
        }
        // k outer, rows inner: the weight row w[k] stays in L1 while every row of the block uses it.
        for (int k = 0; k < w.length; k++) {
            double[] wk = w[k];
            for (int i = 0; i < x.length; i++) {
                double xik = x[i][k];
                if (xik == 0) {
                    continue;
                }
                double[] row = out[i];
                for (int j = 0; j < row.length; j++) {
                    row[j] += xik * wk[j];
                }
            }
        }
        return out;
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
