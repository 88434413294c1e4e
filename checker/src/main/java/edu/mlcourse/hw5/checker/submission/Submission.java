package edu.mlcourse.hw5.checker.submission;

import edu.mlcourse.hw5.files.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A submission opened for grading: its files found by name. Close it to remove the temporary
 * folder a zip was unpacked into.
 *
 * @param origin the folder or zip as given
 * @param root the folder holding the files (a temporary one for a zip)
 * @param q1 {@code Q1.java}
 * @param javaSources every {@code .java} file that may be compiled with Q1 (helpers), except
 *     copies of {@code LinearGrads.java}
 * @param linearGradsCopy the student's own {@code LinearGrads.java}, which is never compiled
 * @param predictions {@code predictions.npy}, {@code .csv} or {@code .json}
 * @param model {@code my_model.json}
 */
public record Submission(Path origin, Path root, FileLookup q1, List<Path> javaSources,
                         Optional<Path> linearGradsCopy, FileLookup predictions, FileLookup model,
                         boolean temporary) implements AutoCloseable {

    /** Path of a file relative to the submission, as students know it. */
    public String relative(Path file) {
        return root.relativize(file).toString();
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try {
            Folders.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the temporary folder " + root, e);
        }
    }
}
