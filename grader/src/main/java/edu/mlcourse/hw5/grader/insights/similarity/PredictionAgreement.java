package edu.mlcourse.hw5.grader.insights.similarity;

import edu.mlcourse.hw5.data.FashionMnist;

/**
 * How the held-out errors of two submissions agree, against what independent errors would give.
 *
 * <p>The expectation: were the two submissions' errors independent given each image's true class,
 * an image of class {@code c} would be predicted {@code w ≠ c} by both with probability
 * {@code p_a(w|c)·p_b(w|c)}, where {@code p_s(w|c)} is the share of class-{@code c} images that
 * {@code s} predicted as {@code w} (a row of its confusion matrix: its accuracy on the class and
 * where its errors go). Summed over the images: {@code expected = Σ_c n_c Σ_{w≠c} p_a(w|c)·p_b(w|c)}.
 *
 * <p>Independently trained models still share far more errors than that (3 to 10 times as many,
 * see {@code bench/similarity/}): they all find the same images hard. What sets a copy apart is
 * that it shares nearly <em>all</em> the errors of the other, hence {@link #shareOfErrors()}.
 *
 * @param errorsA images {@code a} got wrong
 * @param errorsB images {@code b} got wrong
 * @param bothWrong images both got wrong
 * @param sameWrong images both got wrong with the same wrong label
 * @param expected {@code sameWrong} expected of independent errors, as above
 */
public record PredictionAgreement(int errorsA, int errorsB, int bothWrong, int sameWrong, double expected) {

    /** Of the errors of the one with fewer, the share the other made too, with the same label. */
    public double shareOfErrors() {
        int fewer = Math.min(errorsA, errorsB);
        return fewer == 0 ? 0 : (double) sameWrong / fewer;
    }

    /** {@code sameWrong} over {@code expected}. */
    public double ratio() {
        return expected > 0 ? sameWrong / expected : sameWrong > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    /** One submission's predictions, prepared once for comparing with every other. */
    public static final class Profile {
        private final int[] predictions;
        private final int[] wrong;
        private final double[][] rates = new double[FashionMnist.CLASSES][FashionMnist.CLASSES];

        public Profile(byte[] labels, int[] predictions) {
            if (labels.length != predictions.length) {
                throw new IllegalArgumentException(labels.length + " labels but " + predictions.length + " predictions");
            }
            this.predictions = predictions;
            int[] perClass = new int[FashionMnist.CLASSES];
            int[][] counts = new int[FashionMnist.CLASSES][FashionMnist.CLASSES];
            int errors = 0;
            for (int i = 0; i < labels.length; i++) {
                perClass[labels[i]]++;
                counts[labels[i]][predictions[i]]++;
                errors += labels[i] == predictions[i] ? 0 : 1;
            }
            wrong = new int[errors];
            for (int i = 0, k = 0; i < labels.length; i++) {
                if (labels[i] != predictions[i]) {
                    wrong[k++] = i;
                }
            }
            for (int c = 0; c < FashionMnist.CLASSES; c++) {
                for (int w = 0; w < FashionMnist.CLASSES; w++) {
                    rates[c][w] = perClass[c] == 0 ? 0 : (double) counts[c][w] / perClass[c];
                }
            }
        }

        public int errors() {
            return wrong.length;
        }

        public double accuracy() {
            return predictions.length == 0 ? 0 : 100.0 * (predictions.length - wrong.length) / predictions.length;
        }
    }

    /** @param labels the true classes, as the profiles were made with */
    public static PredictionAgreement of(byte[] labels, Profile a, Profile b) {
        int[] perClass = new int[FashionMnist.CLASSES];
        for (byte label : labels) {
            perClass[label]++;
        }
        double expected = 0;
        for (int c = 0; c < FashionMnist.CLASSES; c++) {
            for (int w = 0; w < FashionMnist.CLASSES; w++) {
                if (w != c) {
                    expected += perClass[c] * a.rates[c][w] * b.rates[c][w];
                }
            }
        }
        int both = 0;
        int same = 0;
        // Both error lists are sorted image indices: one merge pass.
        for (int i = 0, j = 0; i < a.wrong.length && j < b.wrong.length; ) {
            if (a.wrong[i] < b.wrong[j]) {
                i++;
            } else if (a.wrong[i] > b.wrong[j]) {
                j++;
            } else {
                both++;
                same += a.predictions[a.wrong[i]] == b.predictions[b.wrong[j]] ? 1 : 0;
                i++;
                j++;
            }
        }
        return new PredictionAgreement(a.errors(), b.errors(), both, same, expected);
    }
}
