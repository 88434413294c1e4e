// Softmax through the log-sum-exp: exp(x - lse) with lse = max + log(sum exp(x - max)).
// breaks: nothing
public static double[][] softmaxForward(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x[i]) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : x[i]) {
            sum += Math.exp(v - max);
        }
        double lse = max + Math.log(sum);
        out[i] = new double[x[i].length];
        for (int j = 0; j < x[i].length; j++) {
            out[i][j] = Math.exp(x[i][j] - lse);
        }
    }
    return out;
}
