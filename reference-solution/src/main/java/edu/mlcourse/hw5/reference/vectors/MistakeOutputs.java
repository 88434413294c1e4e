package edu.mlcourse.hw5.reference.vectors;

import edu.mlcourse.hw5.vectors.Mistake;
import hw5.LinearGrads;
import hw5.Q1;
import java.util.Map;

/**
 * The outputs each {@link Mistake} produces on given inputs: the wrong answers the grader learns to
 * recognise. Each returns only the outputs the mistake changes, keyed by output name.
 */
final class MistakeOutputs {
    private MistakeOutputs() {
    }

    static Map<String, Object> of(Mistake mistake, Map<String, Object> in) {
        return switch (mistake) {
            case MISSING_BIAS -> {
                double[][] w = m(in, "w");
                yield Map.of("out", Q1.linearForward(m(in, "x"), w, new double[w[0].length]));
            }
            case BIAS_FIRST_ROW -> {
                double[][] w = m(in, "w");
                double[][] out = Q1.linearForward(m(in, "x"), w, new double[w[0].length]);
                double[] b = (double[]) in.get("b");
                for (int j = 0; j < b.length; j++) {
                    out[0][j] += b[j];
                }
                yield Map.of("out", out);
            }
            case BIAS_PER_FEATURE -> {
                double[][] w = m(in, "w");
                yield Map.of("out", Q1.linearForward(m(in, "x"), w, scale((double[]) in.get("b"), w.length)));
            }
            case DX_ROW_TOTAL -> {
                double[][] x = m(in, "x");
                double[][] dout = m(in, "dout");
                double[][] dx = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    double total = 0;
                    for (double v : dout[i]) {
                        total += v;
                    }
                    dx[i] = scale(x[i], total);
                }
                yield Map.of("dX", dx);
            }
            case DW_DIVIDED_BY_N -> Map.of("dW", scale(grads(in).dW(), 1.0 / m(in, "x").length));
            case DB_AVERAGED -> Map.of("db", scale(grads(in).db(), 1.0 / m(in, "x").length));
            case DB_FIRST_ROW -> Map.of("db", m(in, "dout")[0].clone());
            case DB_SUMMED_OVER_COLUMNS -> {
                double[][] dout = m(in, "dout");
                double[] sums = new double[dout.length];
                for (int i = 0; i < dout.length; i++) {
                    for (double v : dout[i]) {
                        sums[i] += v;
                    }
                }
                yield Map.of("db", sums);
            }
            case RELU_MASK -> Map.of("out", mask(m(in, "x")));
            case RELU_MASK_WITHOUT_DOUT -> Map.of("dx", mask(m(in, "x")));
            case RELU_DOUT_UNMASKED -> Map.of("dx", copy(m(in, "dout")));
            case RELU_MASK_FROM_DOUT -> Map.of("dx", Q1.reluForward(m(in, "dout")));
            case SOFTMAX_COLUMNS -> Map.of("out", transpose(Q1.softmaxForward(transpose(m(in, "x")))));
            case SOFTMAX_WHOLE_MATRIX -> Map.of("out", softmaxWholeMatrix(m(in, "x")));
            case SOFTMAX_NO_EXP -> {
                double[][] x = m(in, "x");
                double[][] out = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    double sum = 0;
                    for (double v : x[i]) {
                        sum += v;
                    }
                    out[i] = scale(x[i], 1.0 / sum);
                }
                yield Map.of("out", out);
            }
            case SOFTMAX_UNNORMALISED -> Map.of("out", exp(m(in, "x")));
            case SOFTMAX_DIAGONAL_JACOBIAN -> {
                double[][] s = Q1.softmaxForward(m(in, "x"));
                double[][] dout = m(in, "dout");
                double[][] dx = new double[s.length][s[0].length];
                for (int i = 0; i < s.length; i++) {
                    for (int j = 0; j < s[0].length; j++) {
                        dx[i][j] = s[i][j] * (1 - s[i][j]) * dout[i][j];
                    }
                }
                yield Map.of("dx", dx);
            }
            case SOFTMAX_ELEMENTWISE -> {
                double[][] s = Q1.softmaxForward(m(in, "x"));
                double[][] dout = m(in, "dout");
                double[][] dx = new double[s.length][s[0].length];
                for (int i = 0; i < s.length; i++) {
                    for (int j = 0; j < s[0].length; j++) {
                        dx[i][j] = s[i][j] * dout[i][j];
                    }
                }
                yield Map.of("dx", dx);
            }
            case SOFTMAX_BACKWARD_SUM_UNKEPT -> {
                double[][] s = Q1.softmaxForward(m(in, "x"));
                double[][] dout = m(in, "dout");
                if (s.length != s[0].length) {
                    yield Map.of(); // numpy cannot broadcast (N,) over (N, K) unless N = K: it raises instead
                }
                double[] rowSums = new double[s.length];
                for (int i = 0; i < s.length; i++) {
                    for (int k = 0; k < s[0].length; k++) {
                        rowSums[i] += dout[i][k] * s[i][k];
                    }
                }
                double[][] dx = new double[s.length][s[0].length];
                for (int i = 0; i < s.length; i++) {
                    for (int j = 0; j < s[0].length; j++) {
                        dx[i][j] = s[i][j] * (dout[i][j] - rowSums[j]);
                    }
                }
                yield Map.of("dx", dx);
            }
            case SOFTMAX_BACKWARD_COLUMNS -> Map.of("dx",
                    transpose(Q1.softmaxBackward(transpose(m(in, "dout")), transpose(m(in, "x")))));
        };
    }

    private static LinearGrads grads(Map<String, Object> in) {
        return Q1.linearBackward(m(in, "dout"), m(in, "x"), m(in, "w"), (double[]) in.get("b"));
    }

    private static double[][] m(Map<String, Object> in, String name) {
        return (double[][]) in.get(name);
    }

    private static double[][] scale(double[][] a, double factor) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = scale(a[i], factor);
        }
        return out;
    }

    private static double[] scale(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * factor;
        }
        return out;
    }

    private static double[][] mask(double[][] x) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = x[i][j] > 0 ? 1.0 : 0.0;
            }
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] exp(double[][] x) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = Math.exp(x[i][j]);
            }
        }
        return out;
    }

    private static double[][] softmaxWholeMatrix(double[][] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : x) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double sum = 0;
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = Math.exp(x[i][j] - max);
                sum += out[i][j];
            }
        }
        return scale(out, 1.0 / sum);
    }
}
