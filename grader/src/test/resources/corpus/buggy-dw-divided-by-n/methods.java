// dW divided by the batch size.
// breaks: linearBackward
// hint: divided by the batch size N
public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
    LinearGrads right = Q1Reference.linearBackward(dout, x, w, b);
    double[][] dW = new double[right.dW().length][];
    for (int k = 0; k < dW.length; k++) {
        dW[k] = right.dW()[k].clone();
        for (int j = 0; j < dW[k].length; j++) {
            dW[k][j] /= x.length;
        }
    }
    return new LinearGrads(right.dX(), dW, right.db());
}
