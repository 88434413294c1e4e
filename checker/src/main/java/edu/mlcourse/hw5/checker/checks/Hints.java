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
        if (hints.isEmpty() && allZero(got) && !allZero(vectorCase.expected().values().toArray())) {
            hints.add("Your result is all zeros: did you return the array before filling it, or fill another one?");
        }
        if (hints.isEmpty()) {
            echoedInput(function, vectorCase, got, dialect).ifPresent(hints::add);
        }
        return hints;
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
