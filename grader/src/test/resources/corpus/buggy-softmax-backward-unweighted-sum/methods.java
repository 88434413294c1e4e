// Softmax backward that sums dout without weighting it by s: s ⊙ (dout − Σ_j dout_j). No named
// mistake matches it, so the feedback falls back on the formula the function must compute.
// breaks: softmaxBackward
// hint: No common mistake matches this output. softmaxBackward must return row by row
public static double[][] softmaxBackward(double[][] dout, double[][] x) {
    double[][] s = softmaxForward(x);
    double[][] dx = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
        double sum = 0;
        for (int j = 0; j < s[i].length; j++) {
            sum += dout[i][j];
        }
        dx[i] = new double[s[i].length];
        for (int j = 0; j < s[i].length; j++) {
            dx[i][j] = s[i][j] * (dout[i][j] - sum);
        }
    }
    return dx;
}
