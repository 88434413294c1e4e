// The bias added inside the loop over the input features: D times.
// breaks: linearForward
// hint: adds the bias D times
public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
    double[][] out = new double[x.length][b.length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < b.length; j++) {
            for (int k = 0; k < w.length; k++) {
                out[i][j] += x[i][k] * w[k][j] + b[j];
            }
        }
    }
    return out;
}
