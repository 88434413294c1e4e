package edu.mlcourse.hw5.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThroughputTest {
    private long now;

    private void advanceSeconds(double seconds) {
        now += (long) (seconds * 1e9);
    }

    @Test
    void theRateCountsTheLastMinuteAndTheEtaFollowsIt() {
        Throughput throughput = new Throughput(() -> now);
        assertEquals("ETA unknown", throughput.describe(0, 10));
        advanceSeconds(30);
        throughput.finishedOne();
        // One in 30 s since the start: 2/min, 9 left: 4.5 min.
        assertEquals("2.0/min, ETA 4:30", throughput.describe(1, 10));
        for (int i = 0; i < 60; i++) {
            advanceSeconds(1);
            throughput.finishedOne();
        }
        advanceSeconds(0.5);
        // The window is now the last minute: 60 in it, so 60/min; the slow start no longer counts.
        assertEquals("60.0/min, ETA 0:00", throughput.describe(61, 61));
        advanceSeconds(TimeUnit.MINUTES.toSeconds(2));
        assertEquals("ETA unknown", throughput.describe(61, 70));
        assertEquals("in 3:30, 17.4/min", throughput.overall(61));
    }

    @Test
    void clockShowsHoursOnlyWhenNeeded() {
        assertEquals("0:07", Throughput.clock(7));
        assertEquals("12:05", Throughput.clock(725));
        assertEquals("2:00:01", Throughput.clock(7201));
    }
}
