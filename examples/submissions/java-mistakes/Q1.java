package hw5;

/**
 * HW5 Q1 as a student might hand it in: straightforward loops, four methods right and two with
 * mistakes students often make (the grader's feedback names each).
 */
public final class Q1 {
    private Q1() {
    }

    public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
        double[][] out = new double[x.length][b.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i][j] = b[j];
                for (int k = 0; k < w.length; k++) {
                    out[i][j] += x[i][k] * w[k][j];
                }
            }
        }
        return out;
    }

    public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
        int n = x.length, d = w.length, m = b.length;
        double[][] dx = new double[n][d];
        double[][] dw = new double[d][m];
        double[] db = new double[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < d; k++) {
                    dx[i][k] += dout[i][j] * w[k][j];
                    dw[k][j] += x[i][k] * dout[i][j];
                }
                // Mistake: db averaged over the batch instead of summed.
                db[j] += dout[i][j] / n;
            }
        }
        return new LinearGrads(dx, dw, db);
    }

    public static double[][] reluForward(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = Math.max(0, x[i][j]);
            }
        }
        return out;
    }

    public static double[][] reluBackward(double[][] dout, double[][] x) {
        double[][] dx = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            dx[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                // Mistake: the mask taken from dout instead of from the forward input x.
                dx[i][j] = dout[i][j] > 0 ? dout[i][j] : 0;
            }
        }
        return dx;
    }

    public static double[][] softmaxForward(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = Math.exp(x[i][j] - max);
                sum += out[i][j];
            }
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] /= sum;
            }
        }
        return out;
    }

    public static double[][] softmaxBackward(double[][] dout, double[][] x) {
        double[][] s = softmaxForward(x);
        double[][] dx = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double dot = 0;
            for (int j = 0; j < s[i].length; j++) {
                dot += dout[i][j] * s[i][j];
            }
            dx[i] = new double[s[i].length];
            for (int j = 0; j < s[i].length; j++) {
                dx[i][j] = s[i][j] * (dout[i][j] - dot);
            }
        }
        return dx;
    }
}
