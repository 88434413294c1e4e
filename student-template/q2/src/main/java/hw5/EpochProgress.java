package hw5;

import ai.djl.ndarray.NDArray;
import edu.mlcourse.hw5.console.ProgressBar;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One epoch's progress bar: the running mean loss and training accuracy, the time elapsed and an
 * estimate of the time left. Call {@link #update} once per minibatch. Given: you need not change it.
 */
final class EpochProgress {
    private final ProgressBar bar;
    private final long total;
    private final long start = System.nanoTime();
    private long seen;
    private double lossSum;
    private long correct;

    /** @param total the number of training images in an epoch */
    EpochProgress(PrintStream out, String label, long total) {
        this.bar = ProgressBar.on(out, label, total);
        this.total = total;
    }

    /**
     * Adds one minibatch: its mean {@code loss} (a scalar), the network's {@code logits}
     * ({@code (N, 10)}) and the true {@code labels} ({@code (N)}).
     */
    void update(NDArray loss, NDArray logits, NDArray labels) {
        long n = labels.getShape().get(0);
        seen += n;
        lossSum += loss.getFloat() * n;
        correct += logits.argMax(1).toType(labels.getDataType(), false).eq(labels).sum().getLong();
        bar.update(seen, summary());
    }

    /** The epoch's mean loss so far. */
    double loss() {
        return seen == 0 ? Double.NaN : lossSum / seen;
    }

    /** The epoch's training accuracy so far, 0..1. */
    double accuracy() {
        return seen == 0 ? Double.NaN : (double) correct / seen;
    }

    /** Ends the bar's line with the epoch's figures and {@code extra} after them. */
    void finish(String extra) {
        bar.finish(seen, summary() + extra);
    }

    private String summary() {
        long elapsed = System.nanoTime() - start;
        long left = seen == 0 ? 0 : (long) ((double) elapsed * (total - seen) / seen);
        return String.format(Locale.ROOT, "loss %.4f acc %.2f%% %s, %s left", loss(), 100 * accuracy(),
                clock(elapsed), clock(left));
    }

    private static String clock(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
