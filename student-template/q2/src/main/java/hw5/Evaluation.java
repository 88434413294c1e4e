package hw5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A trained network's predictions, as {@code model.eval()} and {@code torch.no_grad()} give them in
 * PyTorch: inference mode (dropout off, batch norm with its running statistics), no gradients.
 * Given: you need not change it.
 */
final class Evaluation {
    /** Images forwarded together: large enough to be fast, small enough for little memory. */
    private static final int BATCH = 1000;

    private Evaluation() {
    }

    /** The highest-scoring class of every image of {@code images} ({@code (N, 1, 28, 28)}). */
    static int[] predict(Block network, NDArray images) {
        int n = Math.toIntExact(images.getShape().get(0));
        int[] predicted = new int[n];
        for (int start = 0; start < n; start += BATCH) {
            // A sub-manager per batch frees the batch's arrays as soon as its classes are read.
            try (NDManager scope = images.getManager().newSubManager()) {
                NDArray batch = images.get(start + ":" + Math.min(n, start + BATCH));
                batch.attach(scope);
                NDArray logits = network.forward(new ParameterStore(scope, false), new NDList(batch), false)
                        .singletonOrThrow();
                long[] classes = logits.argMax(1).toLongArray();
                for (int i = 0; i < classes.length; i++) {
                    predicted[start + i] = (int) classes[i];
                }
            }
        }
        return predicted;
    }

    /** The fraction of {@code predicted} equal to {@code labels}. */
    static double accuracy(int[] predicted, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }
}
