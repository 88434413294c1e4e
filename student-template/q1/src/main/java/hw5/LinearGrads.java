package hw5;

/**
 * The three gradients of a linear layer {@code out = x·w + b}, as returned by
 * {@link Q1#linearBackward}.
 *
 * <p>Given to you: do not edit or rename it. The grader always uses its own copy of this record.
 *
 * @param dX dL/dx, shape N×D (same as x)
 * @param dW dL/dw, shape D×M (same as w)
 * @param db dL/db, M entries (same as b)
 */
public record LinearGrads(double[][] dX, double[][] dW, double[] db) {
}
