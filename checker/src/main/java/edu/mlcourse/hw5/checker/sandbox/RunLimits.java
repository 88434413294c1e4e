package edu.mlcourse.hw5.checker.sandbox;

import java.time.Duration;

/**
 * Time and memory allowed to one submission's code.
 *
 * @param callTimeout one batch of calls (a vector case, a gradient check)
 * @param budget all of the submission's calls together
 * @param heapMegabytes the student JVM's maximum heap
 */
public record RunLimits(Duration callTimeout, Duration budget, int heapMegabytes) {
    public static final RunLimits DEFAULT = new RunLimits(Duration.ofSeconds(5), Duration.ofSeconds(60), 256);

    public RunLimits {
        if (callTimeout.isNegative() || callTimeout.isZero() || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (heapMegabytes < 32) {
            throw new IllegalArgumentException("the student JVM needs at least 32 MB of heap, got " + heapMegabytes);
        }
    }
}
