package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.vectors.VectorSet;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Loads vector sets on a background thread, so checksums and parsing overlap with compiling. */
public final class VectorSets {
    private VectorSets() {
    }

    /**
     * Starts reading {@code root/<set>} for each set; the supplier waits for the result and
     * rethrows a failure (a {@code VectorIntegrityException}) as it was thrown.
     */
    public static Supplier<List<VectorSet>> loadInBackground(Path root, List<String> sets) {
        CompletableFuture<List<VectorSet>> loading = CompletableFuture.supplyAsync(() ->
                sets.stream().map(set -> VectorSetReader.read(root.resolve(set))).toList());
        return () -> {
            try {
                return loading.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        };
    }
}
