// Softmax backward by building each row's Jacobian J = diag(s) - s·sᵀ and computing dx = J·dout.
// breaks: nothing
public static double[][] softmaxBackward(double[][] dout, double[][] x) {
    double[][] s = softmaxForward(x);
    double[][] dx = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
        int k = s[i].length;
        double[][] jacobian = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                jacobian[a][b] = (a == b ? s[i][a] : 0.0) - s[i][a] * s[i][b];
            }
        }
        dx[i] = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                dx[i][a] += jacobian[a][b] * dout[i][b];
            }
        }
    }
    return dx;
}
