package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.Hw5Exception;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.checker.submission.SubmissionException;
import edu.mlcourse.hw5.checker.submission.SubmissionLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Grades one submission: opens it, grades each part on its own, and assembles the report. A
 * submission that cannot even be opened (a broken zip) is graded zero with the reason; only the
 * grader's own failures escape as exceptions.
 */
public final class GradingPipeline {
    private final List<SubmissionPart> parts;
    private final List<String> standingNotes;

    /**
     * @param parts the parts, in report order
     * @param standingNotes notes added to every report (the protections in force, say)
     */
    public GradingPipeline(List<SubmissionPart> parts, List<String> standingNotes) {
        this.parts = List.copyOf(parts);
        this.standingNotes = List.copyOf(standingNotes);
    }

    public GradeReport grade(Path submissionPath) {
        long start = System.nanoTime();
        List<TestResult> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Optional<Double> accuracy = Optional.empty();
        try (Submission submission = SubmissionLoader.open(submissionPath)) {
            // Parts are independent: Q2's model evaluation runs while Q1's checks wait on the student JVM.
            List<CompletableFuture<PartResult>> running = parts.stream()
                    .map(part -> InBackground.run(() -> gradeSafely(part, submission))).toList();
            for (CompletableFuture<PartResult> future : running) {
                PartResult result = InBackground.join(future);
                tests.addAll(result.tests());
                notes.addAll(result.notes());
                errors.addAll(result.graderErrors());
                accuracy = accuracy.or(result::accuracy);
            }
        } catch (SubmissionException e) {
            for (SubmissionPart part : parts) {
                tests.addAll(part.ungraded(e.getMessage()).tests());
            }
            notes.add(e.getMessage());
        }
        notes.addAll(standingNotes);
        return new GradeReport(submissionPath.toString(), tests, notes, accuracy, errors,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * A part that fails unexpectedly costs its own points and is reported as a grader error. A
     * {@link Hw5Exception} means the grader's own data is bad (tampered vectors, say): nothing can
     * be graded, so it propagates.
     */
    private static PartResult gradeSafely(SubmissionPart part, Submission submission) {
        try {
            return part.grade(submission);
        } catch (Hw5Exception e) {
            throw e;
        } catch (RuntimeException e) {
            PartResult zero = part.ungraded("The grader failed while grading this part (" + e
                    + "); your work was not judged. Tell the course staff.");
            List<String> errors = new ArrayList<>(zero.graderErrors());
            errors.add(e.toString());
            return new PartResult(zero.tests(), zero.notes(), Optional.empty(), errors);
        }
    }
}
