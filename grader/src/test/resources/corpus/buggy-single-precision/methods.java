// Computes in float and stores the results in double[][] (linearForward adds its bias in double at the end): each
// function loses its precision case, and each backward's gradient points follow its own cases, since finite
// differences of a float forward are noise.
// breaks: linearForward, linearBackward, reluForward, reluBackward, softmaxForward, softmaxBackward
// hint: as if computed in float (single precision)
// hint: the gradient check cannot judge reluBackward; its points follow its own cases. Compute in double
public static double[][] linearForward(double[][] x, double[][] w, double[] b) {
    double[][] out = new double[x.length][b.length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < b.length; j++) {
            float sum = 0f;
            for (int k = 0; k < w.length; k++) {
                sum += (float) x[i][k] * (float) w[k][j];
            }
            out[i][j] = sum + b[j];
        }
    }
    return out;
}

public static LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
    int n = x.length, d = w.length, m = b.length;
    double[][] dX = new double[n][d];
    double[][] dW = new double[d][m];
    double[] db = new double[m];
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
            float sum = 0f;
            for (int j = 0; j < m; j++) {
                sum += (float) dout[i][j] * (float) w[k][j];
            }
            dX[i][k] = sum;
        }
    }
    for (int k = 0; k < d; k++) {
        for (int j = 0; j < m; j++) {
            float sum = 0f;
            for (int i = 0; i < n; i++) {
                sum += (float) x[i][k] * (float) dout[i][j];
            }
            dW[k][j] = sum;
        }
    }
    for (int j = 0; j < m; j++) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += (float) dout[i][j];
        }
        db[j] = sum;
    }
    return new LinearGrads(dX, dW, db);
}

public static double[][] reluForward(double[][] x) {
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[0].length; j++) {
            float v = (float) x[i][j];
            out[i][j] = v > 0 ? v : 0f;
        }
    }
    return out;
}

public static double[][] reluBackward(double[][] dout, double[][] x) {
    double[][] dx = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[0].length; j++) {
            dx[i][j] = x[i][j] > 0 ? (float) dout[i][j] : 0f;
        }
    }
    return dx;
}

public static double[][] softmaxForward(double[][] x) {
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        float max = Float.NEGATIVE_INFINITY;
        for (double v : x[i]) {
            max = Math.max(max, (float) v);
        }
        float sum = 0f;
        for (int j = 0; j < x[i].length; j++) {
            float e = (float) Math.exp((float) x[i][j] - max);
            out[i][j] = e;
            sum += e;
        }
        for (int j = 0; j < x[i].length; j++) {
            out[i][j] = (float) out[i][j] / sum;
        }
    }
    return out;
}

public static double[][] softmaxBackward(double[][] dout, double[][] x) {
    double[][] s = softmaxForward(x);
    double[][] dx = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
        float dot = 0f;
        for (int j = 0; j < x[i].length; j++) {
            dot += (float) dout[i][j] * (float) s[i][j];
        }
        for (int j = 0; j < x[i].length; j++) {
            dx[i][j] = (float) s[i][j] * ((float) dout[i][j] - dot);
        }
    }
    return dx;
}
