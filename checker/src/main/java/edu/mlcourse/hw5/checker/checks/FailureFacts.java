package edu.mlcourse.hw5.checker.checks;

import java.util.Optional;

/**
 * What a failed check found besides its message, for the course staff's statistics (never shown to
 * the student): the named mistake it recognised, and a digest of a wrong output that no hint
 * explains. Two students with the same unexplained wrong numbers is what a reviewer wants to see;
 * the same classic mistake made twice is not.
 *
 * @param mistake the {@link edu.mlcourse.hw5.vectors.Mistake#id()} that matched the output
 * @param wrongOutputDigest {@link OutputDigest} of the outputs, when they were wrong and no hint explained them
 */
public record FailureFacts(Optional<String> mistake, Optional<String> wrongOutputDigest) {
    public static final FailureFacts NONE = new FailureFacts(Optional.empty(), Optional.empty());
}
