package hw5;

import edu.mlcourse.hw5.console.ProgressBar;
import edu.mlcourse.hw5.data.Examples;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.npy.NpyWriter;
import edu.mlcourse.hw5.parallel.Workers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Q2: train a Fashion-MNIST classifier built from your Q1 layers to at least 90% accuracy, then
 * write predictions.npy and my_model.json. README-Q2.md explains every step.
 *
 * <p>Replace each {@code throw new UnsupportedOperationException("TODO: ...")} with your code:
 * {@link #softmaxCrossEntropy}, {@link Adam#step}, {@link #trainEpoch}, {@link #predict},
 * {@link #accuracy} and {@link #writeSubmission}. The rest is given: {@link Training} runs the
 * epochs with these methods, {@link Network} chains your Q1 layers, {@link WeightAverage} averages
 * the weights. You may change the settings below and add private helpers. Run {@link #main} when
 * your Q1 passes its tests.
 *
 * <p>Runs are reproducible: the same {@link #SEED} gives the same network, as long as all random
 * numbers come from the {@code Random} you are handed.
 */
public final class Q2 {
    /** Inputs, two hidden ReLU layers, ten class scores. */
    static final int[] LAYER_SIZES = {FashionMnist.PIXELS, 512, 128, FashionMnist.CLASSES};
    public static final int EPOCHS = 20;
    static final int BATCH_SIZE = 64;
    static final double LEARNING_RATE = 1e-3;
    /** The learning rate is multiplied by this after every epoch: big steps first, fine ones last. */
    static final double LEARNING_RATE_DECAY = 0.85;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    /**
     * Validation, predictions and the model file use a running average of the weights over the
     * training steps, which is steadier than the last step's weights (Polyak averaging).
     */
    static final double AVERAGE_DECAY = 0.999;
    /**
     * Networks trained side by side from different random starts. Their mistakes differ, so the
     * average of their logits is right more often than either (an ensemble); the model file holds
     * them as one wider network (see {@link Network#sideBySide}).
     */
    static final int NETWORKS = 2;
    /** Pixels scaled to [0, 1]; the grader applies the same scaling to the held-out images. */
    static final ModelFile.Input INPUT = ModelFile.Input.UNIT_SCALE;
    static final long SEED = 1L;
    static final String PREDICTIONS_FILE = "predictions.npy";
    /** Where this project keeps the held-out images you predict. */
    static final Path HELD_OUT_IMAGES = Path.of("data", "heldout");

    private Q2() {
    }

    public static void main(String[] args) throws IOException {
        Training.train(Training.Settings.defaults(), System.out);
    }

    /** The mean loss over a minibatch and its gradient with respect to the logits. */
    public record Loss(double value, double[][] gradient) {
    }

    /**
     * Softmax cross-entropy of the logits (N×10) against the true labels: the mean over rows of
     * {@code −log softmax(logits)[label]}, and its gradient {@code (softmax(logits) − onehot) / N}.
     */
    static Loss softmaxCrossEntropy(double[][] logits, int[] labels) {
        // Hints: Q1.softmaxForward gives the probabilities. For the loss of a row z with label y use
        // log Σ_j exp(z_j − max) + max − z_y, which never overflows and never takes log(0).
        throw new UnsupportedOperationException("TODO: softmaxCrossEntropy: return new Loss(mean loss, (softmax − onehot) / N)");
    }

    /**
     * Adam: every parameter keeps a running mean of its gradients (m, the momentum) and of their
     * squares (v, the scale); the step is the learning rate times m / (√v + ε), after correcting both
     * for starting at zero.
     */
    static final class Adam {
        private final List<double[]> parameters;
        private final List<double[]> m = new ArrayList<>();
        private final List<double[]> v = new ArrayList<>();
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private int steps;

        /** @param parameters the arrays {@link #step} updates in place, e.g. every row of every W and every b */
        Adam(List<double[]> parameters, double beta1, double beta2, double epsilon) {
            this.parameters = parameters;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            for (double[] p : parameters) {
                m.add(new double[p.length]);
                v.add(new double[p.length]);
            }
        }

        /** One update; {@code gradients.get(i)} is the gradient of {@code parameters.get(i)}. */
        void step(List<double[]> gradients, double learningRate) {
            // For every array i and entry j: m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g²,
            // m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t), p ← p − learningRate · m̂ / (√v̂ + ε),
            // where t counts the steps from 1. Update the arrays in place.
            throw new UnsupportedOperationException("TODO: Adam.step: update m, v and every parameter, with bias correction");
        }
    }

    /**
     * One pass over the training set in a random order: for every minibatch, forward, loss,
     * backward, one Adam step, then {@code average.update()}. Returns the epoch's mean loss and
     * training accuracy as text for the progress bar.
     */
    static String trainEpoch(Network network, Adam adam, WeightAverage average, Examples training,
            double learningRate, Random random, Workers workers, ProgressBar bar) {
        // 1. A random order of 0..N−1 (Fisher–Yates with `random`).
        // 2. For each run of BATCH_SIZE indices (the last may be shorter): gather the rows of
        //    training.inputs() and training.labels(); logits = network.forward(x, workers);
        //    loss = softmaxCrossEntropy(logits, y); adam.step(network.backward(loss.gradient(),
        //    workers), learningRate); average.update().
        // 3. Keep the running mean loss and training accuracy; after each batch call
        //    bar.update(examplesDone, text), and return the final text, e.g. "loss 0.3120 acc 88.90%".
        throw new UnsupportedOperationException("TODO: trainEpoch: shuffle, then per minibatch forward, loss, backward, Adam step, average.update()");
    }

    /** The fraction of examples whose highest-scoring class is their label. */
    static double accuracy(Network network, Examples examples, Workers workers) {
        throw new UnsupportedOperationException("TODO: accuracy: the fraction of examples whose predicted class is their label");
    }

    /** The highest-scoring class of every input, in batches so memory stays small. */
    static int[] predict(Network network, double[][] inputs, Workers workers) {
        // Forward the inputs a thousand rows at a time (network.forward(rows, workers)) and take
        // the argmax of each row of logits (Network.argmax).
        throw new UnsupportedOperationException("TODO: predict: the highest-scoring class of every input (argmax of the logits)");
    }

    /** Writes predictions.npy (one int64 label per held-out image) and my_model.json. */
    static void writeSubmission(Network network, int[] predictions, Path folder) throws IOException {
        // predictions.npy: a one-dimensional numpy array of int64, one label per held-out image, in
        // their order: NpyWriter.write(folder.resolve(PREDICTIONS_FILE), predictions). my_model.json:
        // ModelFiles.write(folder.resolve(ModelFile.FILE_NAME), network.toModelFile(INPUT)).
        throw new UnsupportedOperationException("TODO: writeSubmission: write predictions.npy (int64, shape (N,)) and my_model.json");
    }
}
