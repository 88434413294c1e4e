package edu.mlcourse.hw5.numeric;

/**
 * numpy's {@code allclose} rule: {@code |got − expected| ≤ atol + rtol·|expected|}, element-wise.
 *
 * <p>NaN is never close to anything (numpy's {@code equal_nan=False}); an infinity is close only to
 * the same infinity. The defaults are numpy's float64 defaults.
 *
 * @param rtol relative tolerance, scaled by the expected value
 * @param atol absolute tolerance, which matters where the expected value is near zero
 */
public record Tolerance(double rtol, double atol) {
    /** numpy's defaults: {@code rtol = 1e-5}, {@code atol = 1e-8}. */
    public static final Tolerance NUMPY_DEFAULT = new Tolerance(1e-5, 1e-8);

    public Tolerance {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative numbers, got rtol=" + rtol
                    + " atol=" + atol);
        }
    }

    public boolean close(double expected, double got) {
        if (Double.isInfinite(expected) || Double.isInfinite(got)) {
            return expected == got;
        }
        return Math.abs(got - expected) <= allowed(expected);
    }

    /** The largest difference accepted around {@code expected}. */
    public double allowed(double expected) {
        return atol + rtol * Math.abs(expected);
    }

    /** True when both are matrices (or both vectors) of the same shape whose entries are all close. */
    public boolean allClose(Object expected, Object got) {
        if (expected instanceof double[] e && got instanceof double[] g) {
            if (e.length != g.length) {
                return false;
            }
            for (int i = 0; i < e.length; i++) {
                if (!close(e[i], g[i])) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof double[][] e && got instanceof double[][] g) {
            if (e.length != g.length) {
                return false;
            }
            for (int i = 0; i < e.length; i++) {
                if (g[i] == null || !allClose(e[i], g[i])) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
