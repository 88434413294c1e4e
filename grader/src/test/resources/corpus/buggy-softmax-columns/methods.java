// Softmax over the wrong axis: each column is normalised.
// breaks: softmaxForward
// hint: normalises each column
public static double[][] softmaxForward(double[][] x) {
    int n = x.length, k = x[0].length;
    double[][] out = new double[n][k];
    for (int j = 0; j < k; j++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[i][j]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            out[i][j] = Math.exp(x[i][j] - max);
            sum += out[i][j];
        }
        for (int i = 0; i < n; i++) {
            out[i][j] /= sum;
        }
    }
    return out;
}
