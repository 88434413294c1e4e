package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.Mistake;
import edu.mlcourse.hw5.vectors.VectorCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the likely cause of a wrong answer: a classic mistake whose exact output the vectors
 * record, or a pattern in the output (NaN on large logits, all zeros, the input handed back).
 */
final class Hints {
    /** exp overflows a double above about 709.78. */
    private static final double EXP_OVERFLOW = 709.0;
    /**
     * How far from the expected values single precision can take an output, relative to the
     * largest value of the case (its inputs and expected outputs) that a float can hold: float's
     * unit roundoff is 6e-8, and the sums of the vectors' cases grow it to about 1e-7 at most; double
     * code (any summation order) stays below 1e-12. Wrong formulas are off by far more.
     */
    static final double SINGLE_PRECISION_ERROR = 1e-5;

    private Hints() {
    }

    /** @param named the classic mistake the output matches ({@link #namedMistake}), found by the caller */
    static List<String> forWrongOutput(Q1Function function, VectorCase vectorCase, Object[] got, Optional<Mistake> named,
                                       Dialect dialect) {
        List<String> hints = new ArrayList<>();
        named.ifPresent(m -> hints.add(dialect.hint(m)));
        if (hints.isEmpty() && isSoftmax(function) && hasNonFinite(got) && maxAbs(vectorCase.inputs().get("x")) > EXP_OVERFLOW) {
            hints.add("exp overflows for logits this large (e^710 is already infinite in a double), and ∞/∞ is NaN."
                    + " Subtract each row's maximum from the row before exponentiating: softmax does not change.");
        }
        if (hints.isEmpty() && singlePrecision(function, vectorCase, got)) {
            hints.add(dialect.singlePrecisionHint());
        }
        if (hints.isEmpty() && allZero(got) && !allZero(vectorCase.expected().values().toArray())) {
            hints.add("Your result is all zeros: did you return the array before filling it, or fill another one?");
        }
        if (hints.isEmpty()) {
            echoedInput(function, vectorCase, got, dialect).ifPresent(hints::add);
        }
        return hints;
    }

    /**
     * Whether {@code got} is what single-precision code gives: every entry within
     * {@link #SINGLE_PRECISION_ERROR} of the case's scale from the expected value, and infinite (of
     * the right sign) where the expected value is beyond float's range. Chosen over "every value is
     * exactly a float", which misses code that accumulates in float and adds a double at the end.
     * {@code check.py}'s {@code single_precision} is its twin.
     */
    static boolean singlePrecision(Q1Function function, VectorCase vectorCase, Object[] got) {
        double scale = 0;
        List<Object> values = new ArrayList<>(vectorCase.inputs().values());
        values.addAll(vectorCase.expected().values());
        for (Object value : values) {
            for (double v : ArrayDiff.flatten(value)) {
                if (Math.abs(v) <= Float.MAX_VALUE) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
        }
        for (int o = 0; o < got.length; o++) {
            Object expected = vectorCase.expected().get(function.outputs().get(o).name());
            if (got[o] == null || !isWellFormed(got[o]) || !sameShape(expected, got[o])) {
                return false;
            }
            double[] e = ArrayDiff.flatten(expected);
            double[] g = ArrayDiff.flatten(got[o]);
            for (int i = 0; i < e.length; i++) {
                boolean floatLike = Math.abs(e[i]) > Float.MAX_VALUE
                        ? g[i] == Math.copySign(Double.POSITIVE_INFINITY, e[i])
                        : Math.abs(g[i] - e[i]) <= SINGLE_PRECISION_ERROR * scale;
                if (!floatLike) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The classic mistake recorded in the case whose outputs {@code got} matches, if any. */
    static Optional<Mistake> namedMistake(Q1Function function, VectorCase vectorCase, Object[] got, Tolerance tolerance) {
        for (Map.Entry<String, Map<String, Object>> entry : vectorCase.mistakes().entrySet()) {
            Optional<Mistake> mistake = Mistake.byId(entry.getKey());
            if (mistake.isPresent() && matches(function, entry.getValue(), got, tolerance)) {
                return mistake;
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Q1Function function, Map<String, Object> mistakeOutputs, Object[] got,
                                   Tolerance tolerance) {
        for (Map.Entry<String, Object> output : mistakeOutputs.entrySet()) {
            int index = outputIndex(function, output.getKey());
            if (index < 0 || got[index] == null || !tolerance.allClose(output.getValue(), got[index])) {
                return false;
            }
        }
        return !mistakeOutputs.isEmpty();
    }

    private static int outputIndex(Q1Function function, String name) {
        for (int i = 0; i < function.outputs().size(); i++) {
            if (function.outputs().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> echoedInput(Q1Function function, VectorCase vectorCase, Object[] got,
                                                Dialect dialect) {
        for (int o = 0; o < got.length; o++) {
            for (Map.Entry<String, Object> input : vectorCase.inputs().entrySet()) {
                if (sameValues(input.getValue(), got[o])) {
                    return Optional.of("Your " + dialect.name(function.outputs().get(o)) + " equals the input " + input.getKey()
                            + " unchanged: is the computation missing, or applied to another array?");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameValues(Object a, Object b) {
        if (a instanceof double[][] x && b instanceof double[][] y) {
            return Arrays.deepEquals(x, y);
        }
        return a instanceof double[] x && b instanceof double[] y && Arrays.equals(x, y);
    }

    private static boolean isSoftmax(Q1Function function) {
        return function == Q1Function.SOFTMAX_FORWARD || function == Q1Function.SOFTMAX_BACKWARD;
    }

    private static double maxAbs(Object value) {
        double max = 0;
        for (double v : ArrayDiff.flatten(value)) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static boolean hasNonFinite(Object[] values) {
        for (Object value : values) {
            if (value != null && isWellFormed(value)) {
                for (double v : ArrayDiff.flatten(value)) {
                    if (!Double.isFinite(v)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean allZero(Object[] values) {
        for (Object value : values) {
            if (value == null || !isWellFormed(value)) {
                return false;
            }
            for (double v : ArrayDiff.flatten(value)) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameShape(Object expected, Object got) {
        if (expected instanceof double[] e) {
            return got instanceof double[] g && g.length == e.length;
        }
        return expected instanceof double[][] e && got instanceof double[][] g && g.length == e.length
                && g[0].length == e[0].length;
    }

    /** A vector, or a non-empty matrix whose rows all exist and are as long as the first. */
    static boolean isWellFormed(Object value) {
        if (value instanceof double[]) {
            return true;
        }
        double[][] m = (double[][]) value;
        if (m.length == 0 || m[0] == null) {
            return false;
        }
        for (double[] row : m) {
            if (row == null || row.length != m[0].length) {
                return false;
            }
        }
        return true;
    }
}
