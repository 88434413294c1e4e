package hw5;

/**
 * Reference implementation of the Q1 layers. It is also a complete submission: the grader run on
 * this file gives full marks.
 *
 * <p>Every function leaves its arguments untouched and returns new arrays. Backward functions take
 * the upstream gradient {@code dout} = dL/d(output) and return dL/d(input).
 */
public final class Q1 {
    private Q1() {
    }

    /** x (N×D) · w (D×M) + b (M), an N×M matrix. */
    public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
        int n = x.length;
        int d = w.length;
        int m = b.length;
        requireColumns(x, d, "x", "w has " + d + " rows");
        requireColumns(w, m, "w", "b has " + m + " entries");
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] row = out[i];
            System.arraycopy(b, 0, row, 0, m);
            // i-k-j order walks w row by row, which the JIT vectorises.
            for (int k = 0; k < d; k++) {
                double xik = x[i][k];
                double[] wk = w[k];
                for (int j = 0; j < m; j++) {
                    row[j] += xik * wk[j];
                }
            }
        }
        return out;
    }

    /** dX = dout·wᵀ (N×D), dW = xᵀ·dout (D×M), db = Σ over rows of dout (M). */
    public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
        int n = x.length;
        int d = w.length;
        int m = b.length;
        requireColumns(x, d, "x", "w has " + d + " rows");
        requireColumns(w, m, "w", "b has " + m + " entries");
        requireShape(dout, n, m, "dout");
        double[][] dX = new double[n][d];
        double[][] dW = new double[d][m];
        double[] db = new double[m];
        for (int i = 0; i < n; i++) {
            double[] g = dout[i];
            double[] xi = x[i];
            for (int k = 0; k < d; k++) {
                double[] wk = w[k];
                double[] dWk = dW[k];
                double xik = xi[k];
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += g[j] * wk[j];
                    dWk[j] += xik * g[j];
                }
                dX[i][k] = sum;
            }
            for (int j = 0; j < m; j++) {
                db[j] += g[j];
            }
        }
        return new LinearGrads(dX, dW, db);
    }

    /** max(0, x) element-wise. */
    public static double[][] reluForward(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j] > 0 ? x[i][j] : 0.0;
            }
        }
        return out;
    }

    /** dout where the forward input x was positive, 0 elsewhere (the subgradient at 0 is taken as 0). */
    public static double[][] reluBackward(double[][] dout, double[][] x) {
        requireShape(dout, x.length, x.length == 0 ? 0 : x[0].length, "dout");
        double[][] dx = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            dx[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                dx[i][j] = x[i][j] > 0 ? dout[i][j] : 0.0;
            }
        }
        return dx;
    }

    /**
     * Softmax of each row. The row's maximum is subtracted before exponentiating: the result is
     * unchanged and exp never overflows, so logits of ±1000 are exact.
     */
    public static double[][] softmaxForward(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = softmaxRow(x[i]);
        }
        return out;
    }

    /**
     * With s = softmax(x) per row, dx = s ⊙ (dout − Σ_j dout_j s_j): the full Jacobian
     * diag(s) − s·sᵀ applied to dout, without building it.
     */
    public static double[][] softmaxBackward(double[][] dout, double[][] x) {
        requireShape(dout, x.length, x.length == 0 ? 0 : x[0].length, "dout");
        double[][] dx = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] s = softmaxRow(x[i]);
            double dot = 0;
            for (int j = 0; j < s.length; j++) {
                dot += dout[i][j] * s[j];
            }
            dx[i] = new double[s.length];
            for (int j = 0; j < s.length; j++) {
                dx[i][j] = s[j] * (dout[i][j] - dot);
            }
        }
        return dx;
    }

    private static double[] softmaxRow(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double[] e = new double[row.length];
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            e[j] = Math.exp(row[j] - max);
            sum += e[j];
        }
        for (int j = 0; j < row.length; j++) {
            e[j] /= sum;
        }
        return e;
    }

    private static void requireColumns(double[][] a, int columns, String name, String because) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != columns) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + a[i].length
                        + " entries but " + because);
            }
        }
    }

    private static void requireShape(double[][] a, int rows, int columns, String name) {
        if (a.length != rows) {
            throw new IllegalArgumentException(name + " has " + a.length + " rows, expected " + rows);
        }
        requireColumns(a, columns, name, "it must have " + columns);
    }
}
