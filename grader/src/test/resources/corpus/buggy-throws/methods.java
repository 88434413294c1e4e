// Rows never allocated: a NullPointerException, in softmaxBackward only.
// breaks: softmaxBackward
// hint: threw NullPointerException
public static double[][] softmaxBackward(double[][] dout, double[][] x) {
    double[][] dx = new double[x.length][];
    dx[0][0] = dout[0][0];
    return dx;
}
