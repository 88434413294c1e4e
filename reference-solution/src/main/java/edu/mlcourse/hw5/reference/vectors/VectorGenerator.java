package edu.mlcourse.hw5.reference.vectors;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.Mistake;
import edu.mlcourse.hw5.vectors.VectorCase;
import hw5.LinearGrads;
import hw5.Q1;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes every function's test cases from a seed, deterministically: the same seed gives the same
 * cases, value for value. Inputs are random but their shapes are chosen to catch classic mistakes
 * (see {@link #specs}); expected outputs come from the reference {@link Q1}, and the outputs of
 * each applicable {@link Mistake} are recorded beside them.
 */
public final class VectorGenerator {
    /** Bump when the cases this class makes change for a given seed. */
    public static final String VERSION = "2";
    public static final long DEFAULT_PUBLIC_SEED = 20_261_127L;
    public static final long DEFAULT_HIDDEN_SEED = 73_019_555L;

    /** A mistake is recorded only where it changes the answer by more than this. */
    private static final Tolerance DISTINCT = new Tolerance(1e-4, 1e-6);

    private VectorGenerator() {
    }

    public static Map<Q1Function, List<VectorCase>> generate(long seed) {
        Map<Q1Function, List<VectorCase>> all = new EnumMap<>(Q1Function.class);
        for (Q1Function function : Q1Function.values()) {
            Sampler sampler = new Sampler(seed * 1_000_003L + function.ordinal());
            List<VectorCase> cases = new ArrayList<>();
            for (Spec spec : specs(function)) {
                cases.add(build(function, spec, spec.inputs().apply(sampler)));
            }
            all.put(function, List.copyOf(cases));
        }
        return all;
    }

    private static VectorCase build(Q1Function function, Spec spec, Map<String, Object> inputs) {
        Map<String, Object> expected = evaluate(function, inputs);
        Map<String, Map<String, Object>> mistakes = new LinkedHashMap<>();
        for (Mistake mistake : Mistake.values()) {
            if (mistake.function() != function) {
                continue;
            }
            Map<String, Object> outputs = MistakeOutputs.of(mistake, inputs);
            Map<String, Object> wrong = new LinkedHashMap<>();
            outputs.forEach((name, value) -> {
                if (!DISTINCT.allClose(expected.get(name), value) && allFinite(value)) {
                    wrong.put(name, value);
                }
            });
            // Recorded only where it differs in every output it changes, so a match is unambiguous.
            if (!outputs.isEmpty() && wrong.size() == outputs.size()) {
                mistakes.put(mistake.id(), wrong);
            }
        }
        return new VectorCase(spec.name(), spec.description(), inputs, expected, mistakes);
    }

    /** Runs the reference function on named inputs and names its outputs. */
    static Map<String, Object> evaluate(Q1Function function, Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (function) {
            case LINEAR_FORWARD -> out.put("out", Q1.linearForward(m(in, "x"), m(in, "w"), (double[]) in.get("b")));
            case LINEAR_BACKWARD -> {
                LinearGrads g = Q1.linearBackward(m(in, "dout"), m(in, "x"), m(in, "w"), (double[]) in.get("b"));
                out.put("dX", g.dX());
                out.put("dW", g.dW());
                out.put("db", g.db());
            }
            case RELU_FORWARD -> out.put("out", Q1.reluForward(m(in, "x")));
            case RELU_BACKWARD -> out.put("dx", Q1.reluBackward(m(in, "dout"), m(in, "x")));
            case SOFTMAX_FORWARD -> out.put("out", Q1.softmaxForward(m(in, "x")));
            case SOFTMAX_BACKWARD -> out.put("dx", Q1.softmaxBackward(m(in, "dout"), m(in, "x")));
        }
        return out;
    }

    private static double[][] m(Map<String, Object> in, String name) {
        return (double[][]) in.get(name);
    }

    private static boolean allFinite(Object value) {
        if (value instanceof double[] v) {
            for (double d : v) {
                if (!Double.isFinite(d)) {
                    return false;
                }
            }
            return true;
        }
        for (double[] row : (double[][]) value) {
            if (!allFinite(row)) {
                return false;
            }
        }
        return true;
    }

    /** One case to make: its name, what it tests, and how to draw its inputs. */
    record Spec(String name, String description, Function<Sampler, Map<String, Object>> inputs) {
    }

    static List<Spec> specs(Q1Function function) {
        return switch (function) {
            case LINEAR_FORWARD -> linear(false);
            case LINEAR_BACKWARD -> linear(true);
            case RELU_FORWARD -> reluForward();
            case RELU_BACKWARD -> reluBackward();
            case SOFTMAX_FORWARD -> softmax(false);
            case SOFTMAX_BACKWARD -> softmax(true);
        };
    }

    private static List<Spec> linear(boolean backward) {
        List<Spec> specs = new ArrayList<>();
        Object[][] shapes = {
            {"n1_d1_m1", 1, 1, 1, 1.0, "N = D = M = 1: one number in, one out"},
            {"n1_d4_m3", 1, 4, 3, 1.0, "a batch of one sample (N = 1)"},
            {"n5_d2_m3", 5, 2, 3, 1.0, "N, D and M all different, so a missing transpose cannot pass"},
            {"n2_d6_m4", 2, 6, 4, 1.0, "more inputs than outputs (D > M), N ≠ D"},
            {"n3_d1_m5", 3, 1, 5, 1.0, "a single input feature (D = 1)"},
            {"n4_d3_m1", 4, 3, 1, 1.0, "a single output (M = 1)"},
            {"n4_d3_m2_a", 4, 3, 2, 1.0, "first of three cases with the same shapes and different data"},
            {"n4_d3_m2_b", 4, 3, 2, 1.0, "second of three cases with the same shapes and different data"},
            {"n4_d3_m2_c", 4, 3, 2, 1.0, "third of three cases with the same shapes and different data"},
            {"n6_d5_m7_large", 6, 5, 7, 100.0, "large values (entries up to ±100)"},
        };
        for (Object[] s : shapes) {
            int n = (int) s[1];
            int d = (int) s[2];
            int m = (int) s[3];
            double scale = (double) s[4];
            specs.add(new Spec((String) s[0], (String) s[5], r -> {
                Map<String, Object> in = new LinkedHashMap<>();
                if (backward) {
                    in.put("dout", r.matrix(n, m, 1.0));
                }
                in.put("x", r.matrix(n, d, scale));
                in.put("w", r.matrix(d, m, scale));
                in.put("b", r.vector(m, scale));
                return in;
            }));
        }
        specs.add(backward
                ? new Spec("n4_d5_m3_precision", "dout near 1000, x's columns and w's rows summing to 0: the products"
                        + " cancel to results near 1, and " + SEVEN_DIGITS,
                        r -> {
                            Map<String, Object> in = new LinkedHashMap<>();
                            in.put("dout", r.nearOffset(4, 3, 1000.0));
                            in.put("x", columnsSumToZero(r.matrix(4, 5, 1.0)));
                            in.put("w", transpose(columnsSumToZero(transpose(r.matrix(5, 3, 1.0)))));
                            in.put("b", r.vector(3, 1.0));
                            return in;
                        })
                : new Spec("n4_d5_m3_precision", "x near 1000 and w's columns summing to 0: the products cancel to"
                        + " results near 1, and " + SEVEN_DIGITS, r -> {
                            Map<String, Object> in = new LinkedHashMap<>();
                            in.put("x", r.nearOffset(4, 5, 1000.0));
                            in.put("w", columnsSumToZero(r.matrix(5, 3, 1.0)));
                            in.put("b", r.vector(3, 1.0));
                            return in;
                        }));
        return specs;
    }

    private static List<Spec> reluForward() {
        return List.of(
                new Spec("n1_k1", "a single positive or negative number", r -> x(r.matrix(1, 1, 2.0))),
                new Spec("n1_k1_zero", "a single input that is exactly 0", r -> x(new double[][] {{0.0}})),
                new Spec("n3_k5_zeros", "several entries exactly 0", r -> x(r.withZeros(r.matrix(3, 5, 2.0)))),
                new Spec("n4_k2", "more rows than columns", r -> x(r.matrix(4, 2, 2.0))),
                new Spec("n2_k6_negative", "all entries negative", r -> x(negative(r.matrix(2, 6, 2.0)))),
                new Spec("n3_k4_a", "first of three cases with the same shapes and different data",
                        r -> x(r.matrix(3, 4, 2.0))),
                new Spec("n3_k4_b", "second of three cases with the same shapes and different data",
                        r -> x(r.matrix(3, 4, 2.0))),
                new Spec("n3_k4_c", "third of three cases with the same shapes and different data",
                        r -> x(r.matrix(3, 4, 2.0))),
                new Spec("n2_k3_large", "large values (up to ±1000)", r -> x(r.matrix(2, 3, 1000.0))),
                new Spec("n2_k4_beyond_float", BEYOND_FLOAT + " single precision turns them into infinity, double holds them",
                        r -> x(r.beyondFloat(2, 4))));
    }

    private static List<Spec> reluBackward() {
        return List.of(
                new Spec("n1_k1", "a single number", r -> doutX(r, 1, 1, 2.0, 1e-3)),
                new Spec("n4_k3", "more rows than columns", r -> doutX(r, 4, 3, 2.0, 1e-3)),
                new Spec("n2_k5", "more columns than rows", r -> doutX(r, 2, 5, 2.0, 1e-3)),
                new Spec("n3_k4_near_kink", "inputs close to 0 (|x| between 0.001 and 0.01)",
                        r -> doutX(r, 3, 4, 0.01, 1e-3)),
                new Spec("n3_k3_a", "first of three cases with the same shapes and different data",
                        r -> doutX(r, 3, 3, 2.0, 1e-3)),
                new Spec("n3_k3_b", "second of three cases with the same shapes and different data",
                        r -> doutX(r, 3, 3, 2.0, 1e-3)),
                new Spec("n3_k3_c", "third of three cases with the same shapes and different data",
                        r -> doutX(r, 3, 3, 2.0, 1e-3)),
                new Spec("n3_k3_beyond_float", "dout's " + BEYOND_FLOAT
                        + " single precision turns them into infinity, double holds them", r -> {
                            Map<String, Object> in = new LinkedHashMap<>();
                            in.put("dout", r.beyondFloat(3, 3));
                            in.put("x", r.awayFromZero(3, 3, 2.0, 1e-3));
                            return in;
                        }));
    }

    private static List<Spec> softmax(boolean backward) {
        List<Spec> specs = new ArrayList<>();
        specs.add(spec("n1_k1", "a single logit (its softmax is 1)", backward, r -> r.matrix(1, 1, 3.0)));
        specs.add(spec("n4_k1", "one class (K = 1): every row's softmax is [1]", backward, r -> r.matrix(4, 1, 3.0)));
        specs.add(spec("n1_k5", "one row (N = 1)", backward, r -> r.matrix(1, 5, 3.0)));
        specs.add(spec("n2_k7", "more columns than rows", backward, r -> r.matrix(2, 7, 3.0)));
        specs.add(spec("n5_k3", "more rows than columns", backward, r -> r.matrix(5, 3, 3.0)));
        specs.add(spec("n3_k5_equal", "every row's logits all equal (softmax is uniform)", backward, r -> {
            double[][] x = new double[3][5];
            double[] levels = {0.0, r.uniform(-5, 5), 1000.0};
            for (int i = 0; i < 3; i++) {
                java.util.Arrays.fill(x[i], levels[i]);
            }
            return x;
        }));
        specs.add(spec("n3_k4_large", "logits of magnitude up to 1000: exp overflows unless you subtract the row max",
                backward, r -> {
                    double[][] x = new double[3][4];
                    for (int j = 0; j < 4; j++) {
                        x[0][j] = 995.0 + r.uniform(0, 5);
                        x[1][j] = -1000.0 + r.uniform(0, 5);
                        x[2][j] = r.uniform(-1000, 1000);
                    }
                    x[0][r.nextInt(4)] = 1000.0;
                    x[1][r.nextInt(4)] = -1000.0;
                    return x;
                }));
        specs.add(spec("n3_k3_a", "first of three cases with the same shapes and different data", backward,
                r -> r.matrix(3, 3, 3.0)));
        specs.add(spec("n3_k3_b", "second of three cases with the same shapes and different data", backward,
                r -> r.matrix(3, 3, 3.0)));
        specs.add(spec("n3_k3_c", "third of three cases with the same shapes and different data", backward,
                r -> r.matrix(3, 3, 3.0)));
        // float's spacing near 10000 is about 0.001, so logits held in float move each output by ~1e-4 of itself.
        Function<Sampler, double[][]> near10000 = r -> r.nearOffset(3, 5, 10_000.0, 5.0);
        specs.add(backward
                ? new Spec("n3_k5_precision", "logits near 10000 and dout near 1000: " + SEVEN_DIGITS, r -> {
                            double[][] x = near10000.apply(r);
                            Map<String, Object> in = new LinkedHashMap<>();
                            in.put("dout", r.nearOffset(3, 5, 1000.0));
                            in.put("x", x);
                            return in;
                        })
                : spec("n3_k5_precision", "logits near 10000 (10000 ± 5): " + SEVEN_DIGITS, false, near10000));
        return specs;
    }

    private static Spec spec(String name, String description, boolean backward, Function<Sampler, double[][]> logits) {
        return new Spec(name, description, r -> {
            double[][] x = logits.apply(r);
            Map<String, Object> in = new LinkedHashMap<>();
            if (backward) {
                in.put("dout", r.matrix(x.length, x[0].length, 1.0));
            }
            in.put("x", x);
            return in;
        });
    }

    /** The end of the description of a case that single precision fails. */
    private static final String SEVEN_DIGITS = "single precision's 7 significant digits are not enough (double's 16 are)";
    /** The start of the description of a case whose entries a float cannot hold. */
    private static final String BEYOND_FLOAT = "entries of magnitude 1e39 to 1e40, beyond single precision's largest"
            + " value (about 3.4e38):";

    /** {@code a} with each column's mean subtracted, so that each column sums to 0 (up to rounding). */
    private static double[][] columnsSumToZero(double[][] a) {
        for (int j = 0; j < a[0].length; j++) {
            double mean = 0;
            for (double[] row : a) {
                mean += row[j] / a.length;
            }
            for (double[] row : a) {
                row[j] -= mean;
            }
        }
        return a;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static Map<String, Object> x(double[][] x) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("x", x);
        return in;
    }

    private static Map<String, Object> doutX(Sampler r, int n, int k, double scale, double gap) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("dout", r.matrix(n, k, 1.0));
        in.put("x", r.awayFromZero(n, k, scale, gap));
        return in;
    }

    private static double[][] negative(double[][] a) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = -Math.abs(row[j]) - 0.001;
            }
        }
        return a;
    }
}
