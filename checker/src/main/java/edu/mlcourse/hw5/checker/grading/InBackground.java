package edu.mlcourse.hw5.checker.grading;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Starts slow loading (vectors, held-out data) on another thread so it overlaps other work. */
public final class InBackground {
    private InBackground() {
    }

    /**
     * Starts {@code task} now; the returned supplier waits for its result and rethrows a failure
     * exactly as the task threw it (a {@code VectorIntegrityException}, say).
     */
    public static <T> Supplier<T> start(Supplier<T> task) {
        CompletableFuture<T> running = CompletableFuture.supplyAsync(task);
        return () -> join(running);
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
