package edu.mlcourse.hw5.checker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a call's limit tells computing from waiting, whatever share of a core the machine gives it. */
class CallLimitTest {
    private static final Duration TWO = Duration.ofSeconds(2);
    private final CallLimit limit = CallLimit.of(TWO, Duration.ofSeconds(60));

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void aCallThatUsedItsCpuTimeIsStoppedAsComputing() {
        assertEquals(CallLimit.Verdict.COMPUTING, limit.verdict(ms(2500), TWO, TWO));
    }

    @Test
    void aCallThatNeitherRanNorQueuedForACoreIsStoppedAsWaitingAfterTheIdleLimit() {
        assertNull(limit.verdict(ms(3900), ms(10), ms(10)));
        assertEquals(CallLimit.Verdict.WAITING, limit.verdict(ms(4000), ms(10), ms(20)));
    }

    @Test
    void aStarvedLoopThatQueuedForACoreMostOfTheTimeIsNotTakenForASleep() {
        // On a machine busy with other work an endless loop gets 5% of a core: 0.2 s of CPU in 4 s,
        // 3.8 s queued. It goes on until it has computed its limit or reaches the elapsed backstop.
        assertNull(limit.verdict(ms(4000), ms(200), ms(4000)));
        assertEquals(CallLimit.Verdict.COMPUTING, limit.verdict(ms(20_000), ms(1000), ms(20_000)));
    }

    @Test
    void theBudgetCutsTheElapsedBackstop() {
        CallLimit nearlySpent = CallLimit.of(TWO, Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(3), nearlySpent.elapsed());
        assertTrue(nearlySpent.cutByBudget());
    }
}
