// dX computed as dout·w instead of dout·wᵀ: indexes w as if it were M×D.
// breaks: linearBackward
// hint: a transpose is missing
public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
    LinearGrads right = Q1Reference.linearBackward(dout, x, w, b);
    int n = x.length, d = w.length, m = b.length;
    double[][] dX = new double[n][d];
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < m; j++) {
                dX[i][k] += dout[i][j] * w[j][k];
            }
        }
    }
    return new LinearGrads(dX, right.dW(), right.db());
}
