package hw5;

import edu.mlcourse.hw5.model.Layer;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.parallel.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The network: linear layers with ReLU between them, run with the Q1 functions. {@link Workers}
 * splits the big matrix products between threads; it only calls your Q1 methods.
 */
public final class Network {
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
}
