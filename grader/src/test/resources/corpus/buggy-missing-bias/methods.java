// The bias is never added.
// breaks: linearForward
// hint: without the bias
public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
    return Q1Reference.linearForward(x, w, new double[b.length]);
}
