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
    void aCallThatComputedAtFirstAndThenWaitsIsStoppedAsWaitingAboutOneIdleLimitLater() {
        // PyTorch importing itself on a busy machine: 20 s elapsed, all of it ready to run, 2 s of it
        // on a core; then a sleep. Stopped once the last idle limit (10 s) held under a quarter of
        // the CPU limit (1.25 s), not at the backstop and never as computing.
        CallLimit five = CallLimit.of(Duration.ofSeconds(5), Duration.ofSeconds(600));
        RecentReadiness recently = new RecentReadiness(five.idle());
        for (int second = 1; second <= 20; second++) {
            assertNull(five.verdict(ms(1000L * second), ms(100L * second),
                    recently.record(ms(1000L * second), ms(1000L * second))));
        }
        for (int second = 21; second <= 28; second++) {
            assertNull(five.verdict(ms(1000L * second), ms(2000), recently.record(ms(1000L * second), ms(20_000))),
                    "it computed within the last idle limit, at " + second + " s");
        }
        assertEquals(CallLimit.Verdict.WAITING, five.verdict(ms(29_000), ms(2000),
                recently.record(ms(29_000), ms(20_000))));
    }

    @Test
    void recentReadinessCountsOnlyTheLastWindow() {
        RecentReadiness recently = new RecentReadiness(Duration.ofSeconds(4));
        assertEquals(ms(500), recently.record(ms(1000), ms(500)), "within the first window: since the start");
        assertEquals(ms(2500), recently.record(ms(3000), ms(2500)));
        assertEquals(ms(2500), recently.record(ms(5000), ms(3000)), "since the sample at 1 s, the window's start");
        assertEquals(ms(500), recently.record(ms(9000), ms(3500)), "since the sample at 5 s");
    }

    @Test
    void theBudgetCutsTheElapsedBackstop() {
        CallLimit nearlySpent = CallLimit.of(TWO, Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(3), nearlySpent.elapsed());
        assertTrue(nearlySpent.cutByBudget());
    }
}
