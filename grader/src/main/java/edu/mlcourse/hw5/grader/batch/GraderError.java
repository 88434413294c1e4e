package edu.mlcourse.hw5.grader.batch;

import java.util.List;

/**
 * What {@code OUT/<id>/grader-error.json} holds: the grader itself failed on a submission (which is
 * never the same as the submission scoring zero), so it has no results and the next run retries it.
 *
 * @param submission the folder or zip graded, as given
 * @param errors what failed, one line each
 */
public record GraderError(String submission, List<String> errors) {
    public GraderError {
        errors = List.copyOf(errors);
    }
}
