// ReLU backward masks dout by its own sign instead of the forward input's.
// breaks: reluBackward
// hint: masked dout by its own sign
public static double[][] reluBackward(double[][] dout, double[][] x) {
    double[][] dx = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[0].length; j++) {
            dx[i][j] = dout[i][j] > 0 ? dout[i][j] : 0;
        }
    }
    return dx;
}
