package edu.mlcourse.hw5.parallel;

import hw5.LinearGrads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Spreads the big matrix products of a training step over several threads without changing a
 * single bit of the result: work is split by output rows or columns, never inside a sum, so each
 * number is computed by one thread exactly as one thread alone would compute it. The same seed
 * therefore gives the same weights with 1 thread or 8.
 *
 * <p>It only calls the functions you pass (your Q1 methods); it computes nothing itself. Those
 * functions run on several threads at once, so they must not share mutable state, which static
 * methods that only read their arguments and return new arrays never do. Small products run on
 * the calling thread: splitting them costs more than it saves.
 *
 * <pre>{@code
 * try (Workers workers = Workers.create(2)) {
 *     double[][] out = workers.byRows(x, rows -> Q1.linearForward(rows, w, b));
 *     LinearGrads grads = workers.linearBackward(Q1::linearBackward, dout, x, w, b);
 * }
 * }</pre>
 */
public final class Workers implements AutoCloseable {
    /** Below this many multiply-adds per thread a product is not split. */
    static final long MIN_WORK_PER_THREAD = 1L << 16;

    /** The signature of {@code Q1.linearBackward}. */
    @FunctionalInterface
    public interface LinearBackward {
        LinearGrads apply(double[][] dout, double[][] x, double[][] w, double[] b);
    }

    private final int threads;
    private final long minWorkPerThread;
    private final ExecutorService pool;

    private Workers(int threads, long minWorkPerThread) {
        this.threads = threads;
        this.minWorkPerThread = minWorkPerThread;
        // The calling thread does one share of the work itself, so the pool needs one thread less.
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "hw5-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Workers that use {@code threads} threads, the calling one included. */
    public static Workers create(int threads) {
        return create(threads, MIN_WORK_PER_THREAD);
    }

    /** Workers that split any product of at least {@code minWorkPerThread} multiply-adds per thread. */
    static Workers create(int threads, long minWorkPerThread) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new Workers(threads, minWorkPerThread);
    }

    /**
     * {@code rowWise} applied to x, computed as contiguous blocks of rows on different threads and
     * put back together. Valid for any function whose output row i depends only on input row i,
     * such as a linear layer's forward pass.
     *
     * @param work the multiply-adds the whole call costs, to decide whether splitting pays
     */
    public double[][] byRows(double[][] x, long work, UnaryOperator<double[][]> rowWise) {
        int parts = parts(x.length, work);
        if (parts == 1) {
            return rowWise.apply(x);
        }
        List<double[][]> results = run(parts, part -> rowWise.apply(Arrays.copyOfRange(x,
                start(part, parts, x.length), start(part + 1, parts, x.length))));
        double[][] out = new double[x.length][];
        int row = 0;
        for (double[][] block : results) {
            System.arraycopy(block, 0, out, row, block.length);
            row += block.length;
        }
        return out;
    }

    /**
     * The gradients of a linear layer, with its D input features split between threads: each
     * thread gets a block of x's columns and the matching rows of w, and so returns a block of
     * dX's columns, a block of dW's rows and all of db.
     */
    public LinearGrads linearBackward(LinearBackward backward, double[][] dout, double[][] x, double[][] w,
            double[] b) {
        int d = w.length;
        int parts = parts(d, (long) x.length * d * b.length);
        if (parts == 1) {
            return backward.apply(dout, x, w, b);
        }
        List<LinearGrads> results = run(parts, part -> {
            int from = start(part, parts, d);
            int to = start(part + 1, parts, d);
            double[][] columns = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                columns[i] = Arrays.copyOfRange(x[i], from, to);
            }
            return backward.apply(dout, columns, Arrays.copyOfRange(w, from, to), b);
        });
        double[][] dX = new double[x.length][d];
        double[][] dW = new double[d][];
        for (int part = 0; part < parts; part++) {
            LinearGrads block = results.get(part);
            int from = start(part, parts, d);
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(block.dX()[i], 0, dX[i], from, block.dX()[i].length);
            }
            System.arraycopy(block.dW(), 0, dW, from, block.dW().length);
        }
        return new LinearGrads(dX, dW, results.get(0).db());
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private int parts(int splittable, long work) {
        long worthwhile = Math.max(1, work / minWorkPerThread);
        return (int) Math.max(1, Math.min(Math.min(threads, splittable), worthwhile));
    }

    private static int start(int part, int parts, int n) {
        return (int) ((long) n * part / parts);
    }

    private interface Part<T> {
        T compute(int part);
    }

    /** Runs parts 1.. on the pool and part 0 here, and returns the results in part order. */
    private <T> List<T> run(int parts, Part<T> task) {
        List<Future<T>> futures = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            int index = part;
            futures.add(pool.submit(() -> task.compute(index)));
        }
        List<T> results = new ArrayList<>();
        results.add(task.compute(0));
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                // Rethrow what the function threw, as if it had run on this thread.
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a worker thread", e);
            }
        }
        return results;
    }
}
