// Softmax over the whole matrix instead of each row.
// breaks: softmaxForward
// hint: whole matrix
public static double[][] softmaxForward(double[][] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : x) {
        for (double v : row) {
            max = Math.max(max, v);
        }
    }
    double sum = 0;
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[0].length; j++) {
            out[i][j] = Math.exp(x[i][j] - max);
            sum += out[i][j];
        }
    }
    for (double[] row : out) {
        for (int j = 0; j < row.length; j++) {
            row[j] /= sum;
        }
    }
    return out;
}
