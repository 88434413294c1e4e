// The bias added to the first row of the batch only.
// breaks: linearForward
// hint: adds the bias to the first row only
public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
    double[][] out = Q1Reference.linearForward(x, w, new double[b.length]);
    for (int j = 0; j < b.length; j++) {
        out[0][j] += b[j];
    }
    return out;
}
