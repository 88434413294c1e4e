package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.numeric.Tolerance;
import java.util.Optional;

/**
 * Compares one output with its expected value, numpy.allclose style, after checking null, shape
 * and NaN/Inf; describes the first problem the way a student can act on it.
 */
final class ArrayDiff {
    /** What is wrong with an output, if anything. */
    enum Kind { NULL, SHAPE, NOT_FINITE, VALUES }

    /**
     * A difference.
     *
     * @param kind which check failed
     * @param message a sentence naming the output, the first bad index, expected and got
     */
    record Difference(Kind kind, String message) {
    }

    private ArrayDiff() {
    }

    static Optional<Difference> compare(String name, Object expected, Object got, Tolerance tolerance, Dialect dialect) {
        if (got == null) {
            return Optional.of(new Difference(Kind.NULL, name + " is " + dialect.none() + "."));
        }
        Optional<Difference> shape = shapeProblem(name, expected, got, dialect);
        if (shape.isPresent()) {
            return shape;
        }
        double[] e = flatten(expected);
        double[] g = flatten(got);
        int columns = expected instanceof double[][] m ? m[0].length : 0;
        int firstNonFinite = -1;
        int nonFinite = 0;
        int firstBad = -1;
        int bad = 0;
        int worst = -1;
        double worstError = -1;
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(g[i]) && Double.isFinite(e[i])) {
                nonFinite++;
                firstNonFinite = firstNonFinite < 0 ? i : firstNonFinite;
            }
            if (!tolerance.close(e[i], g[i])) {
                bad++;
                firstBad = firstBad < 0 ? i : firstBad;
                double error = Double.isNaN(g[i]) ? Double.POSITIVE_INFINITY : Math.abs(g[i] - e[i]);
                if (error > worstError) {
                    worstError = error;
                    worst = i;
                }
            }
        }
        if (nonFinite > 0) {
            return Optional.of(new Difference(Kind.NOT_FINITE, name + dialect.index(firstNonFinite, columns) + " is "
                    + g[firstNonFinite] + " but should be " + Numbers.format(e[firstNonFinite]) + " ("
                    + nonFinite + " of " + e.length + " entries are NaN or infinite)."));
        }
        if (bad == 0) {
            return Optional.empty();
        }
        String[] shown = Numbers.distinct(e[firstBad], g[firstBad]);
        String message = name + " differs at " + dialect.index(firstBad, columns) + ": expected " + shown[0] + ", got "
                + shown[1] + " (|difference| " + Numbers.format(Math.abs(g[firstBad] - e[firstBad]), 3)
                + " > allowed " + Numbers.format(tolerance.allowed(e[firstBad]), 2) + "). " + bad + " of " + e.length
                + " entries differ" + (bad > 1 ? "; the largest error is " + Numbers.format(worstError, 3) + " at "
                + dialect.index(worst, columns) : "") + ".";
        return Optional.of(new Difference(Kind.VALUES, message));
    }

    private static Optional<Difference> shapeProblem(String name, Object expected, Object got, Dialect dialect) {
        if (expected instanceof double[] e) {
            double[] g = (double[]) got;
            return e.length == g.length ? Optional.empty() : Optional.of(new Difference(Kind.SHAPE, name + " has shape "
                    + dialect.shape(-1, g.length) + "; expected " + dialect.shape(-1, e.length) + "."));
        }
        double[][] e = (double[][]) expected;
        double[][] g = (double[][]) got;
        int columns = e[0].length;
        if (g.length != e.length) {
            String gotShape = g.length > 0 && g[0] != null ? dialect.shape(g.length, g[0].length) : g.length + " rows";
            return Optional.of(new Difference(Kind.SHAPE, name + " has shape " + gotShape + "; expected "
                    + dialect.shape(e.length, columns) + transposedNote(e, g)));
        }
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null) {
                return Optional.of(new Difference(Kind.NULL, name + "[" + i + "] is " + dialect.none()
                        + "; every row must be filled."));
            }
            if (g[i].length != columns) {
                return Optional.of(new Difference(Kind.SHAPE, name + "[" + i + "] has " + g[i].length
                        + " entries; expected " + columns + " (shape " + dialect.shape(e.length, columns) + ")."));
            }
        }
        return Optional.empty();
    }

    private static String transposedNote(double[][] e, double[][] g) {
        boolean transposed = g.length == e[0].length && g.length > 0 && g[0] != null && g[0].length == e.length;
        return transposed ? ": it looks transposed." : ".";
    }

    static double[] flatten(Object value) {
        if (value instanceof double[] v) {
            return v;
        }
        double[][] m = (double[][]) value;
        int columns = m[0].length;
        double[] flat = new double[m.length * columns];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * columns, columns);
        }
        return flat;
    }
}
