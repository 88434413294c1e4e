// db taken from the first row of dout instead of summed over the batch.
// breaks: linearBackward
// hint: first row of dout
public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
    LinearGrads right = Q1Reference.linearBackward(dout, x, w, b);
    return new LinearGrads(right.dX(), right.dW(), dout[0].clone());
}
