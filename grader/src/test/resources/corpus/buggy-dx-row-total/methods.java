// dX sums over the wrong index: each row of x scaled by the row's total gradient.
// breaks: linearBackward
// hint: scales each row of x by that row's total of dout
public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
    LinearGrads right = Q1Reference.linearBackward(dout, x, w, b);
    double[][] dX = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        double total = 0;
        for (int j = 0; j < dout[i].length; j++) {
            total += dout[i][j];
        }
        for (int k = 0; k < x[0].length; k++) {
            dX[i][k] = x[i][k] * total;
        }
    }
    return new LinearGrads(dX, right.dW(), right.db());
}
