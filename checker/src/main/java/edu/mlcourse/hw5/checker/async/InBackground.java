package edu.mlcourse.hw5.checker.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Starts slow loading (vectors, held-out data) on another thread so it overlaps other work. */
public final class InBackground {
    /**
     * Its own threads: the common ForkJoinPool has one thread on a 2-core machine, which would
     * queue these tasks behind each other and behind parallel streams.
     */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hw5-background");
        thread.setDaemon(true);
        return thread;
    });

    private InBackground() {
    }

    /**
     * Starts {@code task} now; the returned supplier waits for its result and rethrows a failure
     * exactly as the task threw it (a {@code VectorIntegrityException}, say).
     */
    public static <T> Supplier<T> start(Supplier<T> task) {
        CompletableFuture<T> running = run(task);
        return () -> join(running);
    }

    /** Runs {@code task} on a background thread. */
    public static <T> CompletableFuture<T> run(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, THREADS);
    }

    /** Waits for {@code future}; a failure is rethrown as the task threw it, not wrapped. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
