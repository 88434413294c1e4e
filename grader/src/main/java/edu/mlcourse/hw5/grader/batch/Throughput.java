package edu.mlcourse.hw5.grader.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The current grading rate and the time left at that rate, for the progress bar. The rate counts
 * the submissions finished in the last minute (or since the start, if sooner), so it follows the
 * batch as it speeds up after warming up or slows down on a run of slow submissions.
 */
final class Throughput {
    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LongSupplier clock;
    private final long start;
    private final Deque<Long> recent = new ArrayDeque<>();

    /** @param clock nanoseconds, {@code System::nanoTime} outside tests */
    Throughput(LongSupplier clock) {
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    void finishedOne() {
        recent.addLast(clock.getAsLong());
    }

    /** Submissions per minute over the window; 0 before the first one finishes. */
    double perMinute() {
        long now = clock.getAsLong();
        long windowStart = Math.max(start, now - WINDOW_NANOS);
        while (!recent.isEmpty() && recent.peekFirst() < windowStart) {
            recent.removeFirst();
        }
        long elapsed = now - windowStart;
        return recent.isEmpty() || elapsed <= 0 ? 0 : recent.size() * (double) WINDOW_NANOS / elapsed;
    }

    /** E.g. {@code 104.2/min, ETA 0:41}; the ETA is unknown until something has finished. */
    String describe(long done, long total) {
        double rate = perMinute();
        if (rate == 0) {
            return "ETA unknown";
        }
        long secondsLeft = Math.round((total - done) * 60 / rate);
        return String.format(Locale.ROOT, "%.1f/min, ETA %s", rate, clock(secondsLeft));
    }

    /** E.g. {@code in 1:02, 97.1/min}: the whole run, for its last line. */
    String overall(long done) {
        long elapsed = clock.getAsLong() - start;
        double rate = elapsed <= 0 ? 0 : done * (double) WINDOW_NANOS / elapsed;
        return String.format(Locale.ROOT, "in %s, %.1f/min", clock(TimeUnit.NANOSECONDS.toSeconds(elapsed)), rate);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
