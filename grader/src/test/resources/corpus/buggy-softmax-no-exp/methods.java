// Softmax without exp: each row divided by its sum.
// breaks: softmaxForward
// hint: divides x by its row's sum without exponentiating
public static double[][] softmaxForward(double[][] x) {
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        double sum = 0;
        for (double v : x[i]) {
            sum += v;
        }
        for (int j = 0; j < x[0].length; j++) {
            out[i][j] = x[i][j] / sum;
        }
    }
    return out;
}
