package edu.mlcourse.hw5.grader.insights.heldout;

import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.grader.heldout.ConfusionMatrix;
import edu.mlcourse.hw5.grader.insights.stats.Histogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Q2 across the class: a histogram of held-out accuracy, each class's accuracy averaged over the
 * submissions, and the (true class, predicted class) pairs most often confused.
 *
 * @param accuracies the held-out accuracy of each graded submission that has one, in percent
 * @param histogram those accuracies in {@link Histogram#BINS} bins up to 100
 * @param classes per class, the mean accuracy over the submissions whose predictions were kept; empty without labels
 * @param confusions the most frequent confusions, most first
 * @param compared how many submissions' predictions the per-class figures are over
 */
public record ClassHeldOut(List<Double> accuracies, List<Histogram.Bin> histogram, List<ClassAccuracy> classes,
                           List<Confusion> confusions, int compared) {
    /** Confusions listed. */
    static final int CONFUSIONS = 5;
    /** Accuracy bins start here unless some submission is below (so most bins show where students are). */
    static final double USUAL_LOWEST = 80;

    public ClassHeldOut {
        accuracies = List.copyOf(accuracies);
        histogram = List.copyOf(histogram);
        classes = List.copyOf(classes);
        confusions = List.copyOf(confusions);
    }

    /** @param meanAccuracy mean over the submissions of their accuracy on the class, in percent */
    public record ClassAccuracy(int label, String name, double meanAccuracy) {
    }

    /**
     * @param images how many images of {@code trueClass} were predicted {@code predicted}, all submissions together
     * @param meanShare the mean over submissions of the share of {@code trueClass} images they predicted {@code predicted}
     */
    public record Confusion(int trueClass, int predicted, long images, double meanShare) {
        public String trueName() {
            return FashionMnist.CLASS_NAMES.get(trueClass);
        }

        public String predictedName() {
            return FashionMnist.CLASS_NAMES.get(predicted);
        }
    }

    /**
     * @param accuracies graded submissions' held-out accuracy, in percent
     * @param predictions each graded submission's scored predictions
     * @param labels the held-out labels, if available
     */
    public static ClassHeldOut of(List<Double> accuracies, Map<String, int[]> predictions, Optional<byte[]> labels) {
        double lowest = accuracies.stream().mapToDouble(Double::doubleValue).min().orElse(USUAL_LOWEST);
        double from = Math.max(0, Math.min(USUAL_LOWEST, Math.floor(lowest / 10) * 10));
        List<Histogram.Bin> histogram = Histogram.of(accuracies.stream().mapToDouble(Double::doubleValue)
                .toArray(), from, 100);
        List<ConfusionMatrix> matrices = new ArrayList<>();
        labels.ifPresent(l -> predictions.values().stream().filter(p -> p.length == l.length)
                .forEach(p -> matrices.add(new ConfusionMatrix(l, p))));
        List<ClassAccuracy> classes = new ArrayList<>();
        List<Confusion> confusions = new ArrayList<>();
        if (!matrices.isEmpty()) {
            for (int c = 0; c < FashionMnist.CLASSES; c++) {
                int label = c;
                classes.add(new ClassAccuracy(c, FashionMnist.CLASS_NAMES.get(c),
                        matrices.stream().mapToDouble(m -> m.classAccuracy(label)).average().orElse(0)));
                for (int w = 0; w < FashionMnist.CLASSES; w++) {
                    int predicted = w;
                    if (w != c) {
                        long images = matrices.stream().mapToLong(m -> m.count(label, predicted)).sum();
                        double share = matrices.stream().mapToDouble(m -> ofClass(m, label) == 0 ? 0
                                : (double) m.count(label, predicted) / ofClass(m, label)).average().orElse(0);
                        confusions.add(new Confusion(c, w, images, share));
                    }
                }
            }
            confusions.sort(Comparator.comparing(Confusion::images, Comparator.reverseOrder())
                    .thenComparing(Confusion::trueClass).thenComparing(Confusion::predicted));
        }
        return new ClassHeldOut(accuracies, histogram, classes,
                confusions.subList(0, Math.min(CONFUSIONS, confusions.size())), matrices.size());
    }

    private static int ofClass(ConfusionMatrix matrix, int label) {
        int total = 0;
        for (int p = 0; p < FashionMnist.CLASSES; p++) {
            total += matrix.count(label, p);
        }
        return total;
    }
}
