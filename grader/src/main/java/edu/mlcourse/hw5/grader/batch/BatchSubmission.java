package edu.mlcourse.hw5.grader.batch;

import edu.mlcourse.hw5.checker.report.GradedWith;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One submission of a batch.
 *
 * @param id the folder's name, or the zip's without {@code .zip}; names its folder in the output
 * @param source the folder or zip to grade
 * @param fingerprint what grades it, recorded with its results; empty when not computed (tests)
 */
public record BatchSubmission(String id, Path source, Optional<GradedWith.Fingerprint> fingerprint) {
    public BatchSubmission(String id, Path source) {
        this(id, source, Optional.empty());
    }

    /** The same submission, to be graded with {@code inputs}. */
    public BatchSubmission with(GradedWith.Fingerprint inputs) {
        return new BatchSubmission(id, source, Optional.of(inputs));
    }
}
