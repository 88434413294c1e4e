package edu.mlcourse.hw5.checker.checks;

/**
 * How backward functions are checked against finite differences of the student's own forward.
 *
 * <p>The numerical gradient of L = Σ dout ⊙ f(inputs) is the central difference
 * (L(v + h) − L(v − h)) / 2h, for every coordinate of every input. A coordinate passes when
 * |analytic − numerical| ≤ atol + rtol·|numerical|: PyTorch gradcheck's rule and defaults. The
 * report also gives CS231n's relative error |a − n| / max(|a|, |n|) of the worst coordinate.
 *
 * @param step h
 * @param atol absolute tolerance
 * @param rtol relative tolerance
 * @param trials random inputs tried per backward function
 * @param seed makes the random inputs reproducible
 */
public record GradientSettings(double step, double atol, double rtol, int trials, long seed) {
    public static final GradientSettings DEFAULT = new GradientSettings(1e-6, 1e-5, 1e-3, 3, 0x5EED_2026L);

    public GradientSettings {
        if (!(step > 0) || !(atol >= 0) || !(rtol >= 0) || trials < 1) {
            throw new IllegalArgumentException("gradient settings need a positive step, non-negative tolerances"
                    + " and at least one trial");
        }
    }
}
