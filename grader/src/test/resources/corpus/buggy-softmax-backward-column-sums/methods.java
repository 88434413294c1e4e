// Softmax backward subtracting the sum of another row (indexed by column): the Java form of a lost keepdims.
// breaks: softmaxBackward
// hint: You subtracted row j's Σ dout·s from column j
public static double[][] softmaxBackward(double[][] dout, double[][] x) {
    double[][] s = Q1Reference.softmaxForward(x);
    double[] sums = new double[s.length];
    for (int i = 0; i < s.length; i++) {
        for (int k = 0; k < s[0].length; k++) {
            sums[i] += dout[i][k] * s[i][k];
        }
    }
    double[][] dx = new double[s.length][s[0].length];
    for (int i = 0; i < s.length; i++) {
        for (int j = 0; j < s[0].length; j++) {
            dx[i][j] = s[i][j] * (dout[i][j] - sums[j < s.length ? j : i]);
        }
    }
    return dx;
}
