package hw5;

import java.util.List;

/**
 * An exponential moving average of the weights: after every step, average ← d·average + (1 − d)·weights.
 * With d = 0.999 it spans about the last thousand steps and smooths out the noise of single
 * minibatch steps. Validation, predictions and the model file use the averaged network.
 *
 * <p>Early on d is smaller, (1 + t) / (10 + t) at step t, so that the average does not hold on
 * to the random initial weights for the first thousand steps.
 */
final class WeightAverage {
    private final List<double[]> average;
    private final List<double[]> weights;
    private final double decay;
    private int steps;

    /** @param average arrays that start as a copy of {@code weights} and are updated in place */
    WeightAverage(List<double[]> average, List<double[]> weights, double decay) {
        this.average = average;
        this.weights = weights;
        this.decay = decay;
    }

    /** Moves the average towards the current weights; call it after every optimizer step. */
    void update() {
        steps++;
        double d = Math.min(decay, (1.0 + steps) / (10.0 + steps));
        for (int i = 0; i < average.size(); i++) {
            double[] a = average.get(i);
            double[] w = weights.get(i);
            for (int j = 0; j < a.length; j++) {
                a[j] = d * a[j] + (1 - d) * w[j];
            }
        }
    }
}
