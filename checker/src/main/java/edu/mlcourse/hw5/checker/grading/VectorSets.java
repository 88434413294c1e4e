package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.vectors.VectorSet;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Vector sets loaded in the background, so checksums and parsing overlap with compiling. */
public final class VectorSets {
    private VectorSets() {
    }

    /** Starts reading {@code root/<set>} for each set (see {@link InBackground#start}). */
    public static Supplier<List<VectorSet>> loadInBackground(Path root, List<String> sets) {
        return InBackground.start(() -> sets.stream().map(set -> VectorSetReader.read(root.resolve(set))).toList());
    }
}
