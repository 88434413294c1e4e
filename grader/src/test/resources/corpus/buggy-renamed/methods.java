// Python's naming: linear_forward instead of linearForward.
// breaks: linearForward
// hint: found public static double[][] linear_forward(double[][], double[][], double[]) but the grader calls linearForward
// remove: linearForward
public static double[][] linear_forward(double[][] x, double[][] w, double[] b) {
    return Q1Reference.linearForward(x, w, b);
}
