package edu.mlcourse.hw5.checker.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How much a call wanted to compute (CPU time plus time queued for a core) over the last stretch
 * of its elapsed time. A call that computed for a while (PyTorch importing itself on a busy
 * machine) and then waits for ever (a sleep, a deadlock) is told by what it does now, not by what
 * it did at first.
 */
final class RecentReadiness {
    private final long windowNanos;
    /** The newest (elapsed, ready) sample at or before the window's start. */
    private long[] windowStart = {0, 0};
    /** The samples after it, oldest first. */
    private final Deque<long[]> later = new ArrayDeque<>();

    RecentReadiness(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** Records a sample; returns what was wanted over the last window (since the start, within the first). */
    Duration record(Duration elapsed, Duration ready) {
        long now = elapsed.toNanos();
        later.addLast(new long[] {now, ready.toNanos()});
        while (!later.isEmpty() && later.peekFirst()[0] <= now - windowNanos) {
            windowStart = later.pollFirst();
        }
        return Duration.ofNanos(ready.toNanos() - windowStart[1]);
    }
}
