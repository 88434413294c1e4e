package edu.mlcourse.hw5.reference.train;

/**
 * Scores predictions for the held-out images against their true labels (heldout/hidden), which
 * students do not have: the reference's own check that it passes 90%.
 */
public final class HeldOutScore {
    private HeldOutScore() {
    }

    /** The fraction of predictions equal to the labels. */
    public static double accuracy(int[] predictions, byte[] labels) {
        if (predictions.length != labels.length) {
            throw new IllegalArgumentException(predictions.length + " predictions for " + labels.length
                    + " held-out images");
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == Byte.toUnsignedInt(labels[i])) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
