// Delegates to a helper class in its own file; the submission also holds a Q2.java that does not
// compile and an edited LinearGrads.java, neither of which may affect Q1.
// breaks: nothing
// note: differs from the official LinearGrads
public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
    return Matrices.addRow(Matrices.multiply(x, w), b);
}
