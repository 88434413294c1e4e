package edu.mlcourse.hw5.checker.sandbox;

import java.time.Duration;

/**
 * How long one exchange with the student JVM may take, counted so that a machine busy with other
 * work never stops correct code: the limit is on what the code does, not on how fast it gets done.
 *
 * <ul>
 *   <li>It is stopped as <em>computing</em> when the student JVM has used {@code cpu} of CPU time
 *       (all threads together): an endless loop, or far too much work.</li>
 *   <li>It is stopped as <em>waiting</em> when, over the last {@code idle} of elapsed time, it
 *       computed for less than a quarter of {@code cpu}: a sleep, a deadlock, a wait that never
 *       ends, whatever it computed before. Time its threads spent ready to run but waiting for a
 *       core counts as computing here, so code that a busy machine starves is never taken for
 *       code that sleeps.</li>
 *   <li>Whatever it does, it is stopped when {@code elapsed} has passed: a backstop for a machine
 *       so busy that the code hardly runs, and the submission's remaining budget.</li>
 * </ul>
 *
 * <p>Where the system does not report CPU time, elapsed time stands in for it.
 *
 * @param cpu CPU time of the student JVM
 * @param idle elapsed time after which a call that is mostly waiting is stopped
 * @param elapsed elapsed time after which any call is stopped
 */
record CallLimit(Duration cpu, Duration idle, Duration elapsed) {
    /** {@link #idle} per unit of {@link #cpu}. */
    static final int IDLE_PER_CPU = 2;
    /** {@link #elapsed} per unit of {@link #cpu}, before the budget caps it. */
    static final int ELAPSED_PER_CPU = 10;

    /** The limit of one check: {@code callTimeout} of computing, and the elapsed limits it implies, within {@code budgetLeft}. */
    static CallLimit of(Duration callTimeout, Duration budgetLeft) {
        Duration elapsed = callTimeout.multipliedBy(ELAPSED_PER_CPU);
        return new CallLimit(callTimeout, callTimeout.multipliedBy(IDLE_PER_CPU),
                elapsed.compareTo(budgetLeft) < 0 ? elapsed : budgetLeft);
    }

    /** Whether {@link #elapsed} is the budget's rather than the call's own. */
    boolean cutByBudget() {
        return elapsed.compareTo(cpu.multipliedBy(ELAPSED_PER_CPU)) < 0;
    }

    /**
     * Whether a call that has run {@code elapsedSoFar} and computed {@code cpuSoFar} must stop now,
     * and why; null while it may go on. {@code readyRecently} is what it wanted to compute (its CPU
     * time plus its time queued for a core) over the last {@link #idle} of elapsed time, or since
     * it started if that is shorter ({@link RecentReadiness}).
     */
    Verdict verdict(Duration elapsedSoFar, Duration cpuSoFar, Duration readyRecently) {
        boolean computedLittle = readyRecently.multipliedBy(4).compareTo(cpu) < 0;
        if (cpuSoFar.compareTo(cpu) >= 0) {
            return Verdict.COMPUTING;
        }
        if (elapsedSoFar.compareTo(idle) >= 0 && computedLittle) {
            return Verdict.WAITING;
        }
        if (elapsedSoFar.compareTo(elapsed) >= 0) {
            return computedLittle ? Verdict.WAITING : Verdict.COMPUTING;
        }
        return null;
    }

    /** Why a call was stopped. */
    enum Verdict { COMPUTING, WAITING }
}
