package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.submission.Submission;

/**
 * One part of the homework, graded on its own: a failure in one part never costs another's points.
 * Implementations report student problems as scored tests and notes, never as exceptions.
 */
public interface SubmissionPart {
    /** The part's name in messages for the course staff ("Q1", "Q2 held-out accuracy"). */
    String name();

    PartResult grade(Submission submission);

    /**
     * The part's tests, all at zero, for a submission that could not be opened at all.
     *
     * @param reason why, for the student
     */
    PartResult ungraded(String reason);
}
