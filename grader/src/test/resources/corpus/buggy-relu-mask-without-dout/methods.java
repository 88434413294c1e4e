// ReLU backward returns the mask and forgets dout.
// breaks: reluBackward
// hint: without multiplying by dout
public static double[][] reluBackward(double[][] dout, double[][] x) {
    double[][] dx = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[0].length; j++) {
            dx[i][j] = x[i][j] > 0 ? 1 : 0;
        }
    }
    return dx;
}
