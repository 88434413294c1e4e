package edu.mlcourse.hw5.reference.train;

import edu.mlcourse.hw5.data.FashionMnist;

/**
 * Scores predictions for the held-out images against their true labels, which students do not
 * have. For now the held-out images are the 10000 test images in their original order.
 */
public final class HeldOutScore {
    private HeldOutScore() {
    }

    /** The fraction of predictions equal to the test labels. */
    public static double accuracy(int[] predictions, FashionMnist data) {
        byte[] labels = data.testLabels();
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
