package hw5;

/**
 * Q1: the forward and backward passes of a linear layer, ReLU and softmax.
 *
 * <p>Rules the grader checks (see README.md):
 * <ul>
 *   <li>Keep the class name, the method names, their argument order and types exactly as given.</li>
 *   <li>Never modify an argument; always return new arrays.</li>
 *   <li>Backward functions receive {@code dout} = dL/d(output) and return dL/d(input).</li>
 * </ul>
 * Replace each {@code throw new UnsupportedOperationException(...)} with your code. You may add
 * private helper methods and other classes in package {@code hw5}.
 */
public final class Q1 {
    private Q1() {
    }

    /**
     * A linear layer: {@code out = x·w + b}.
     *
     * @param x inputs, N×D (N samples of D features)
     * @param w weights, D×M
     * @param b bias, M entries, added to every row
     * @return out, N×M
     */
    public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
        throw new UnsupportedOperationException("TODO: linearForward: return x·w + b (N×M)");
    }

    /**
     * Gradients of the linear layer.
     *
     * @param dout dL/dout, N×M
     * @param x the forward input, N×D
     * @param w the forward weights, D×M
     * @param b the forward bias, M entries
     * @return dL/dx (N×D), dL/dw (D×M) and dL/db (M)
     */
    public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
        throw new UnsupportedOperationException("TODO: linearBackward: return new LinearGrads(dX, dW, db)");
    }

    /**
     * ReLU: {@code max(0, x)} element-wise.
     *
     * @param x any N×K matrix
     * @return N×K
     */
    public static double[][] reluForward(double[][] x) {
        throw new UnsupportedOperationException("TODO: reluForward: return max(0, x) element-wise");
    }

    /**
     * Gradient of ReLU.
     *
     * @param dout dL/d(relu(x)), N×K
     * @param x the forward input, N×K
     * @return dL/dx, N×K
     */
    public static double[][] reluBackward(double[][] dout, double[][] x) {
        throw new UnsupportedOperationException("TODO: reluBackward: return dL/dx");
    }

    /**
     * Softmax of each row: {@code out[i][j] = exp(x[i][j]) / Σ_k exp(x[i][k])}. Must stay exact for
     * logits as large as ±1000.
     *
     * @param x logits, N×K
     * @return N×K, each row summing to 1
     */
    public static double[][] softmaxForward(double[][] x) {
        throw new UnsupportedOperationException("TODO: softmaxForward: return the softmax of each row");
    }

    /**
     * Gradient of the row-wise softmax.
     *
     * @param dout dL/d(softmax(x)), N×K
     * @param x the forward input (logits), N×K
     * @return dL/dx, N×K
     */
    public static double[][] softmaxBackward(double[][] dout, double[][] x) {
        throw new UnsupportedOperationException("TODO: softmaxBackward: return dL/dx");
    }
}
