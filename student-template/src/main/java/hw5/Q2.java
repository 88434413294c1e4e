package hw5;

import edu.mlcourse.hw5.console.ProgressBar;
import edu.mlcourse.hw5.data.Examples;
import edu.mlcourse.hw5.data.FashionMnist;
import edu.mlcourse.hw5.data.Q2Data;
import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.model.ModelFiles;
import edu.mlcourse.hw5.npy.NpyWriter;
import edu.mlcourse.hw5.parallel.Workers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Q2: train a Fashion-MNIST classifier built from your Q1 layers to at least 90% accuracy, then
 * write predictions.npy and my_model.json. README-Q2.md explains every step.
 *
 * <p>Replace each {@code throw new UnsupportedOperationException("TODO: ...")} with your code:
 * {@link #softmaxCrossEntropy}, {@link Adam#step}, {@link #trainEpoch}, {@link #predict},
 * {@link #accuracy} and {@link #writeSubmission}. Everything else is given; you may change the
 * settings below and add private helpers. Run {@link #main} when your Q1 passes its tests.
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

    /**
     * What one run does.
     *
     * @param dataset the Fashion-MNIST folder, or empty for the default places
     * @param output the folder that receives predictions.npy and my_model.json
     * @param seed fixes the initial weights and the order of the minibatches
     * @param epochs passes over the training set
     * @param threads threads to train with; results do not depend on it
     * @param heldOutImages the folder of the held-out images (and their manifest)
     */
    public record Settings(Optional<Path> dataset, Path output, long seed, int epochs, int threads, Path heldOutImages) {
        public static Settings defaults() {
            return new Settings(Optional.empty(), Path.of("."), SEED, EPOCHS, Runtime.getRuntime().availableProcessors(),
                    HELD_OUT_IMAGES);
        }
    }

    /** What a run produced. */
    public record Result(Network network, double validationAccuracy, int[] heldOutPredictions) {
    }

    public static void main(String[] args) throws IOException {
        train(Settings.defaults(), System.out);
    }

    /** Loads the data, trains, reports every epoch on {@code out} and writes the two submission files. */
    public static Result train(Settings settings, PrintStream out) throws IOException {
        return train(settings, Q2Data.load(FashionMnist.locate(settings.dataset()), settings.heldOutImages(), INPUT,
                Q2Data.DEFAULT_VALIDATION_SIZE, Q2Data.DEFAULT_SPLIT_SEED), out);
    }

    /** Trains on {@code data} (already loaded with {@link #INPUT}) and writes the two submission files. */
    static Result train(Settings settings, Q2Data data, PrintStream out) throws IOException {
        Examples training = data.training();
        Random random = new Random(settings.seed());
        List<Trainee> trainees = new ArrayList<>();
        for (int k = 0; k < NETWORKS; k++) {
            trainees.add(new Trainee(Network.create(LAYER_SIZES, random), new Random(random.nextLong())));
        }
        // With a core per network they train at the same time, each on its own thread: they share
        // nothing, and each has its own Random, so the result is the same either way.
        int together = Math.min(NETWORKS, settings.threads());
        ExecutorService pool = Executors.newFixedThreadPool(together);
        double validationAccuracy = Double.NaN;
        Network ensemble = null;
        try (Workers workers = Workers.create(Math.max(1, settings.threads() / together))) {
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                double learningRate = LEARNING_RATE * Math.pow(LEARNING_RATE_DECAY, epoch);
                List<Future<String>> summaries = new ArrayList<>();
                for (int k = 0; k < NETWORKS; k++) {
                    Trainee trainee = trainees.get(k);
                    // One bar on screen, following the first network; the others report when done.
                    ProgressBar bar = k == 0
                            ? ProgressBar.on(out, "epoch " + (epoch + 1) + "/" + settings.epochs(), training.size())
                            : ProgressBar.on(new PrintStream(OutputStream.nullOutputStream()), "", training.size());
                    summaries.add(pool.submit(() -> trainEpoch(trainee.network, trainee.adam, trainee.average,
                            training, learningRate, trainee.random, workers, bar)));
                }
                List<String> done = new ArrayList<>();
                for (Future<String> summary : summaries) {
                    done.add(summary.get());
                }
                ensemble = Network.sideBySide(trainees.stream().map(t -> t.averaged).toList());
                validationAccuracy = accuracy(ensemble, data.validation(), workers);
                ProgressBar.on(out, "epoch " + (epoch + 1) + "/" + settings.epochs(), training.size())
                        .finish(training.size(), String.join(" | ", done)
                                + String.format(" | val %.2f%%", 100 * validationAccuracy));
            }
            int[] predictions = predict(ensemble, data.heldOut(), workers);
            writeSubmission(ensemble, predictions, settings.output());
            out.printf("Wrote %s and %s to %s%n", PREDICTIONS_FILE, ModelFile.FILE_NAME, settings.output());
            return new Result(ensemble, validationAccuracy, predictions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One network in training, with its optimizer, its running average and its own random numbers. */
    private static final class Trainee {
        final Network network;
        final Adam adam;
        final Network averaged;
        final WeightAverage average;
        final Random random;

        Trainee(Network network, Random random) {
            this.network = network;
            this.adam = new Adam(network.parameters(), BETA1, BETA2, EPSILON);
            this.averaged = network.copy();
            this.average = new WeightAverage(averaged.parameters(), network.parameters(), AVERAGE_DECAY);
            this.random = random;
        }
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
     * An exponential moving average of the weights: after every step, average ← d·average + (1 − d)·weights.
     * With d = 0.999 it spans about the last thousand steps and smooths out the noise of single
     * minibatch steps. Validation, predictions and the model file use the averaged network.
     *
     * <p>Early on d is smaller, (1 + t) / (10 + t) at step t, so that the average does not hold on
     * to the random initial weights for the first thousand steps.
     */
    static final class WeightAverage {
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
        // the argmax of each row of logits.
        throw new UnsupportedOperationException("TODO: predict: the highest-scoring class of every input (argmax of the logits)");
    }

    /** Writes predictions.npy (one int64 label per held-out image) and my_model.json. */
    static void writeSubmission(Network network, int[] predictions, Path folder) throws IOException {
        // predictions.npy: a one-dimensional numpy array of int64, one label per held-out image, in
        // their order: NpyWriter.write(folder.resolve(PREDICTIONS_FILE), predictions). my_model.json:
        // ModelFiles.write(folder.resolve(ModelFile.FILE_NAME), network.toModelFile(INPUT)).
        throw new UnsupportedOperationException("TODO: writeSubmission: write predictions.npy (int64, shape (N,)) and my_model.json");
    }

    /** The index of the largest entry: the predicted class of a row of logits. */
    static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The network: linear layers with ReLU between them, run with the Q1 functions. {@link Workers}
     * splits the big matrix products between threads; it only calls your Q1 methods.
     */
    public static final class Network {
        private final double[][][] weights;
        private final double[][] biases;
        /** What forward saw, kept for backward: the input of every linear layer and the hidden pre-activations. */
        private final double[][][] layerInputs;
        private final double[][][] preActivations;

        private Network(double[][][] weights, double[][] biases) {
            this.weights = weights;
            this.biases = biases;
            this.layerInputs = new double[weights.length][][];
            this.preActivations = new double[weights.length][][];
        }

        /**
         * He initialisation: weights drawn from N(0, 2 / inputs), biases 0, so that the signal keeps
         * its size through ReLU layers at the start of training.
         */
        static Network create(int[] sizes, Random random) {
            int layers = sizes.length - 1;
            double[][][] weights = new double[layers][][];
            double[][] biases = new double[layers][];
            for (int l = 0; l < layers; l++) {
                double std = Math.sqrt(2.0 / sizes[l]);
                weights[l] = new double[sizes[l]][sizes[l + 1]];
                for (double[] row : weights[l]) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = random.nextGaussian() * std;
                    }
                }
                biases[l] = new double[sizes[l + 1]];
            }
            return new Network(weights, biases);
        }

        /**
         * One network that computes the average of the logits of {@code networks}, which must all
         * have the same layer sizes: the first layer's weights side by side, the hidden layers'
         * weights block-diagonal (each network only sees its own hidden units), the last layer's
         * weights stacked and divided by their number, so that the outputs add up to the average.
         */
        static Network sideBySide(List<Network> networks) {
            Network first = networks.get(0);
            int count = networks.size();
            int layers = first.weights.length;
            double[][][] weights = new double[layers][][];
            double[][] biases = new double[layers][];
            for (int l = 0; l < layers; l++) {
                int inputs = first.weights[l].length;
                int outputs = first.biases[l].length;
                boolean sharedInputs = l == 0;
                boolean summedOutputs = l == layers - 1;
                weights[l] = new double[sharedInputs ? inputs : count * inputs][summedOutputs ? outputs : count * outputs];
                biases[l] = new double[summedOutputs ? outputs : count * outputs];
                for (int k = 0; k < count; k++) {
                    double[][] w = networks.get(k).weights[l];
                    double[] b = networks.get(k).biases[l];
                    int row = sharedInputs ? 0 : k * inputs;
                    int column = summedOutputs ? 0 : k * outputs;
                    double scale = summedOutputs ? 1.0 / count : 1.0;
                    for (int i = 0; i < inputs; i++) {
                        for (int j = 0; j < outputs; j++) {
                            weights[l][row + i][column + j] += scale * w[i][j];
                        }
                    }
                    for (int j = 0; j < outputs; j++) {
                        biases[l][column + j] += scale * b[j];
                    }
                }
            }
            return new Network(weights, biases);
        }

        /** A network with a copy of these weights. */
        Network copy() {
            double[][][] w = new double[weights.length][][];
            double[][] b = new double[biases.length][];
            for (int l = 0; l < weights.length; l++) {
                w[l] = new double[weights[l].length][];
                for (int k = 0; k < weights[l].length; k++) {
                    w[l][k] = weights[l][k].clone();
                }
                b[l] = biases[l].clone();
            }
            return new Network(w, b);
        }

        /** The logits (N×10) of a batch of inputs (N×784). */
        double[][] forward(double[][] x, Workers workers) {
            double[][] h = x;
            for (int l = 0; l < weights.length; l++) {
                double[][] w = weights[l];
                double[] b = biases[l];
                layerInputs[l] = h;
                double[][] z = workers.byRows(h, (long) h.length * w.length * b.length,
                        rows -> Q1.linearForward(rows, w, b));
                if (l == weights.length - 1) {
                    return z;
                }
                preActivations[l] = z;
                h = Q1.reluForward(z);
            }
            throw new IllegalStateException("a network has at least one layer");
        }

        /**
         * Backpropagation from dL/dlogits through the batch the last {@link #forward} saw. Returns
         * the gradients in the order of {@link #parameters}.
         */
        List<double[]> backward(double[][] dLogits, Workers workers) {
            double[][][] dW = new double[weights.length][][];
            double[][] db = new double[weights.length][];
            double[][] dout = dLogits;
            for (int l = weights.length - 1; l >= 0; l--) {
                LinearGrads grads = workers.linearBackward(Q1::linearBackward, dout, layerInputs[l], weights[l],
                        biases[l]);
                dW[l] = grads.dW();
                db[l] = grads.db();
                if (l > 0) {
                    dout = Q1.reluBackward(grads.dX(), preActivations[l - 1]);
                }
            }
            return flatten(dW, db);
        }

        /** Every row of every W, then every b: the arrays Adam updates in place. */
        List<double[]> parameters() {
            return flatten(weights, biases);
        }

        /** The network as my_model.json describes it: linear, relu, …, linear, softmax. */
        ModelFile toModelFile(ModelFile.Input input) {
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < weights.length; l++) {
                layers.add(new Layer.Linear(weights[l], biases[l]));
                layers.add(l < weights.length - 1 ? new Layer.Relu() : new Layer.Softmax());
            }
            return new ModelFile(ModelFile.FORMAT, input, layers);
        }

        private static List<double[]> flatten(double[][][] w, double[][] b) {
            List<double[]> all = new ArrayList<>();
            for (double[][] layer : w) {
                all.addAll(List.of(layer));
            }
            all.addAll(List.of(b));
            return all;
        }
    }
}
