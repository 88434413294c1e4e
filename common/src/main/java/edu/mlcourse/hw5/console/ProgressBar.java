package edu.mlcourse.hw5.console;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress report: a label, a bar, a count out of a total and free text after it, for
 * example {@code epoch 3/15 [##########..........]  50% 27500/55000 loss 0.3120 acc 88.9%}.
 *
 * <p>On a terminal the line is redrawn in place with {@code \r}, at most ten times a second.
 * Elsewhere (a log file, CI, a grader capturing output) the same line is printed plainly, at most
 * once every {@link #PLAIN_INTERVAL_SECONDS} seconds, so a long job shows it is alive without
 * flooding the log. In both cases the final state is printed, on its own line, by {@link #finish}.
 *
 * <p>Not thread-safe: update it from one thread.
 */
public final class ProgressBar {
    public static final int PLAIN_INTERVAL_SECONDS = 10;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int WIDTH = 20;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private long lastPrint;
    private boolean printedAny;
    private int lastLength;
    private boolean finished;

    /**
     * @param label printed first, e.g. {@code "epoch 3/15"}
     * @param total the count at which the work is complete, at least 1
     * @param out where the line goes
     * @param terminal true to redraw one line in place, false for plain occasional lines
     * @param clock nanoseconds, {@code System::nanoTime} outside tests
     */
    public ProgressBar(String label, long total, PrintStream out, boolean terminal, LongSupplier clock) {
        if (total < 1) {
            throw new IllegalArgumentException("total must be at least 1, got " + total);
        }
        this.label = Objects.requireNonNull(label, "label");
        this.total = total;
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastPrint = clock.getAsLong();
    }

    /**
     * A bar on {@code out} that redraws in place when {@code out} is standard output and that is a
     * terminal, and prints plain occasional lines otherwise.
     */
    public static ProgressBar on(PrintStream out, String label, long total) {
        return new ProgressBar(label, total, out, out == System.out && System.console() != null, System::nanoTime);
    }

    /**
     * Reports that {@code done} of the total are complete, with {@code suffix} after the count.
     * Cheap to call often: it prints only when a redraw is due.
     */
    public void update(long done, String suffix) {
        if (finished) {
            throw new IllegalStateException("update after finish: this bar is complete");
        }
        long now = clock.getAsLong();
        long interval = terminal ? REDRAW_NANOS : TimeUnit.SECONDS.toNanos(PLAIN_INTERVAL_SECONDS);
        // A plain log's first line also waits one interval, so short jobs print only their result.
        if ((terminal && !printedAny) || now - lastPrint >= interval) {
            print(render(done, suffix), false);
            lastPrint = now;
        }
    }

    /** Prints the final state and ends the line; later updates are refused. */
    public void finish(long done, String suffix) {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        print(render(done, suffix), true);
        finished = true;
    }

    /** The text of the line, without \r or line end. */
    String render(long done, String suffix) {
        long clamped = Math.max(0, Math.min(done, total));
        int filled = (int) (WIDTH * clamped / total);
        int percent = (int) (100 * clamped / total);
        StringBuilder line = new StringBuilder(label).append(" [");
        line.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        line.append(String.format("%3d%% %d/%d", percent, done, total));
        if (suffix != null && !suffix.isEmpty()) {
            line.append(' ').append(suffix);
        }
        return line.toString();
    }

    private void print(String line, boolean last) {
        if (terminal) {
            // Pad with spaces so a shorter line fully covers the previous one.
            String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
            out.print("\r" + padded);
            lastLength = line.length();
            if (last) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
        printedAny = true;
    }
}
