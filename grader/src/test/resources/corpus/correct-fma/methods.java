// Fused multiply-add, summing in another order than the reference.
// breaks: nothing
public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
    double[][] out = new double[x.length][b.length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < b.length; j++) {
            double sum = 0;
            for (int k = w.length - 1; k >= 0; k--) {
                sum = Math.fma(x[i][k], w[k][j], sum);
            }
            out[i][j] = sum + b[j];
        }
    }
    return out;
}

public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
    int n = x.length, d = w.length, m = b.length;
    double[][] dX = new double[n][d];
    double[][] dW = new double[d][m];
    double[] db = new double[m];
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < m; j++) {
                dX[i][k] = Math.fma(dout[i][j], w[k][j], dX[i][k]);
                dW[k][j] = Math.fma(x[i][k], dout[i][j], dW[k][j]);
            }
        }
        for (int j = 0; j < m; j++) {
            db[j] += dout[i][j];
        }
    }
    return new LinearGrads(dX, dW, db);
}
