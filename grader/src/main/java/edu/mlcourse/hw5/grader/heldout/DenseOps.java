package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.model.Layer;

/** The layers of the definition in doubles ({@link PerImageForward}) that treat each value on its own or as a vector: ReLU (as defined: NaN gives 0), softmax, batch norm. */
final class DenseOps {
    private DenseOps() {
    }

    /** {@code max(0, x)} in place. */
    static void relu(double[][] x) {
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = row[j] > 0 ? row[j] : 0;
            }
        }
    }

    /** Softmax of every row in place, or its log, computed around the row's maximum so that it never overflows. */
    static void softmax(double[][] x, boolean log) {
        for (double[] row : x) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : row) {
                sum += Math.exp(v - max);
            }
            double logSum = max + Math.log(sum);
            for (int j = 0; j < row.length; j++) {
                row[j] = log ? row[j] - logSum : Math.exp(row[j] - logSum);
            }
        }
    }

    /**
     * Batch norm at inference, in place: channel c is the first axis of {@code shape}, so its
     * values are the c-th run of (size / channels) consecutive entries.
     */
    static void batchNorm(double[][] x, int[] shape, Layer.BatchNorm norm) {
        int channels = shape[0];
        int run = x.length == 0 ? 0 : x[0].length / channels;
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = norm.gamma()[c] / Math.sqrt(norm.variance()[c] + norm.eps());
            shift[c] = norm.beta()[c] - norm.mean()[c] * scale[c];
        }
        for (double[] row : x) {
            for (int c = 0; c < channels; c++) {
                for (int k = c * run; k < (c + 1) * run; k++) {
                    row[k] = row[k] * scale[c] + shift[c];
                }
            }
        }
    }
}
