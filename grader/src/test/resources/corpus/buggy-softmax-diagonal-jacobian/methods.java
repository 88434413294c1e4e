// Softmax backward with only the diagonal of the Jacobian: s(1 - s)·dout.
// breaks: softmaxBackward
// hint: only the diagonal of the softmax Jacobian
public static double[][] softmaxBackward(double[][] dout, double[][] x) {
    double[][] s = softmaxForward(x);
    double[][] dx = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[0].length; j++) {
            dx[i][j] = s[i][j] * (1 - s[i][j]) * dout[i][j];
        }
    }
    return dx;
}
