package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.checker.sandbox.Q1Runner;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorSet;
import java.util.List;
import java.util.Objects;

/**
 * Everything the Q1 checks of one submission need: the student code to call, the vector sets to
 * check against, the tolerances, and how to speak to the student.
 *
 * @param runner the student's Q1
 * @param sets vector sets, e.g. public and hidden
 * @param tolerance for outputs against vectors
 * @param gradient for the finite-difference checks
 * @param dialect the edition's names and hints (Java or Python)
 */
public record GradingContext(Q1Runner runner, List<VectorSet> sets, Tolerance tolerance, GradientSettings gradient,
                             Dialect dialect) {
    public GradingContext {
        Objects.requireNonNull(runner, "runner");
        sets = List.copyOf(sets);
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(dialect, "dialect");
    }
}
