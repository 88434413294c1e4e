package edu.mlcourse.hw5.grader.heldout;

import edu.mlcourse.hw5.data.FashionMnist;
import java.util.List;
import java.util.Locale;

/** Counts of (true class, predicted class) over the held-out set, and what follows from them. */
public final class ConfusionMatrix {
    private final int[][] counts = new int[FashionMnist.CLASSES][FashionMnist.CLASSES];
    private final int total;

    public ConfusionMatrix(byte[] labels, int[] predictions) {
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predictions.length + " predictions");
        }
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predictions[i]]++;
        }
        this.total = labels.length;
    }

    /** Correct predictions in percent. */
    public double accuracy() {
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return 100.0 * correct / total;
    }

    /** Of the images of class {@code c}, the percentage predicted {@code c}. */
    public double classAccuracy(int c) {
        int ofClass = 0;
        for (int p : counts[c]) {
            ofClass += p;
        }
        return ofClass == 0 ? 0 : 100.0 * counts[c][c] / ofClass;
    }

    /** Images of class {@code trueClass} predicted {@code predicted}. */
    public int count(int trueClass, int predicted) {
        return counts[trueClass][predicted];
    }

    /** Per-class accuracy and the matrix, rows true classes and columns predicted ones, with names. */
    public String render() {
        List<String> names = FashionMnist.CLASS_NAMES;
        StringBuilder text = new StringBuilder("Accuracy per class:\n");
        for (int c = 0; c < names.size(); c++) {
            boolean any = java.util.Arrays.stream(counts[c]).sum() > 0;
            text.append(String.format(Locale.ROOT, "  %d %-12s %s%n", c, names.get(c),
                    any ? String.format(Locale.ROOT, "%6.2f%%", classAccuracy(c)) : "   n/a"));
        }
        text.append("\nConfusion matrix (rows: true class, columns: your prediction):\n");
        text.append(String.format(Locale.ROOT, "  %-14s", ""));
        for (int p = 0; p < names.size(); p++) {
            text.append(String.format(Locale.ROOT, "%6d", p));
        }
        text.append('\n');
        for (int c = 0; c < names.size(); c++) {
            text.append(String.format(Locale.ROOT, "  %d %-12s", c, names.get(c)));
            for (int p = 0; p < names.size(); p++) {
                text.append(String.format(Locale.ROOT, "%6d", counts[c][p]));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
