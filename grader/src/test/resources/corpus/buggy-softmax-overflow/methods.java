// Softmax without subtracting the row maximum: exp overflows for logits near 1000.
// breaks: softmaxForward
// hint: exp overflows
public static double[][] softmaxForward(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
        double sum = 0;
        out[i] = new double[x[i].length];
        for (int j = 0; j < x[i].length; j++) {
            out[i][j] = Math.exp(x[i][j]);
            sum += out[i][j];
        }
        for (int j = 0; j < x[i].length; j++) {
            out[i][j] /= sum;
        }
    }
    return out;
}
