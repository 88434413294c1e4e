package edu.mlcourse.hw5.grader.batch;

import java.nio.file.Path;

/**
 * One submission of a batch.
 *
 * @param id the folder's name, or the zip's without {@code .zip}; names its folder in the output
 * @param source the folder or zip to grade
 */
public record BatchSubmission(String id, Path source) {
}
