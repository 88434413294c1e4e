package edu.mlcourse.hw5.checker.checks;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats numbers for students: short, but with enough digits to show how two values differ. */
final class Numbers {
    private Numbers() {
    }

    static String format(double value) {
        return format(value, 6);
    }

    /** Both values with the fewest significant digits (at least 6) that tell them apart. */
    static String[] distinct(double expected, double got) {
        for (int digits = 6; digits <= 17; digits++) {
            String e = format(expected, digits);
            String g = format(got, digits);
            if (!e.equals(g) || digits == 17) {
                return new String[] {e, g};
            }
        }
        throw new AssertionError("unreachable");
    }

    static String format(double value, int digits) {
        if (!Double.isFinite(value) || value == 0) {
            return Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
        double magnitude = Math.abs(value);
        String text = magnitude >= 1e-4 && magnitude < 1e7 ? rounded.stripTrailingZeros().toPlainString()
                : rounded.stripTrailingZeros().toString();
        return text;
    }
}
