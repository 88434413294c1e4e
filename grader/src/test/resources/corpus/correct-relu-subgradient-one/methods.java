// ReLU backward with subgradient 1 at 0 (x >= 0): backward vectors stay away from the kink.
// breaks: nothing
public static double[][] reluBackward(double[][] dout, double[][] x) {
    double[][] dx = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[0].length; j++) {
            dx[i][j] = x[i][j] >= 0 ? dout[i][j] : 0;
        }
    }
    return dx;
}
