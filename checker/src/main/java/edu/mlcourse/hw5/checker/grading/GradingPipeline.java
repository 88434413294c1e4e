package edu.mlcourse.hw5.checker.grading;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.EnvironmentException;
import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.checker.async.InBackground;
import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.checker.submission.SubmissionException;
import edu.mlcourse.hw5.checker.submission.SubmissionLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Grades one submission: opens it, grades each part on its own, and assembles the report. A
 * submission that cannot even be opened (a broken zip) is graded zero with the reason. A part the
 * grader fails on leaves the report in the state {@link GradeReport.State#GRADER_FAILED}; only
 * missing course data and an unfit machine escape as exceptions.
 */
public final class GradingPipeline {
    private final List<SubmissionPart> parts;
    private final Supplier<List<String>> standingNotes;

    /**
     * @param parts the parts, in report order
     * @param standingNotes notes added to every report (the protections in force, say)
     */
    public GradingPipeline(List<SubmissionPart> parts, List<String> standingNotes) {
        this(parts, () -> standingNotes);
    }

    /** @param standingNotes as above, perhaps still being worked out (the isolation's probe) */
    public GradingPipeline(List<SubmissionPart> parts, Supplier<List<String>> standingNotes) {
        this.parts = List.copyOf(parts);
        this.standingNotes = standingNotes;
    }

    /** Assembles a pipeline: see {@link GradingPipelineBuilder}. */
    public static GradingPipelineBuilder builder() {
        return new GradingPipelineBuilder();
    }

    public GradeReport grade(Path submissionPath) {
        long start = System.nanoTime();
        List<TestResult> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Optional<HeldOutScore> heldOut = Optional.empty();
        Evidence evidence = Evidence.NONE;
        try (Submission submission = SubmissionLoader.open(submissionPath)) {
            // Parts are independent: Q2's model evaluation runs while Q1's checks wait on the student JVM.
            List<CompletableFuture<PartResult>> running = parts.stream()
                    .map(part -> InBackground.run(() -> gradeSafely(part, submission))).toList();
            for (CompletableFuture<PartResult> future : running) {
                PartResult result = InBackground.join(future);
                tests.addAll(result.tests());
                notes.addAll(result.notes());
                errors.addAll(result.graderErrors());
                result.problem().ifPresent(problems::add);
                heldOut = heldOut.or(result::heldOut);
                evidence = evidence.merge(result.evidence());
            }
        } catch (SubmissionException e) {
            for (SubmissionPart part : parts) {
                tests.addAll(part.ungraded(e.getMessage()).tests());
            }
            notes.add(e.getMessage());
        }
        notes.addAll(standingNotes.get());
        return new GradeReport(submissionPath.toString(), tests, notes, heldOut, errors,
                (System.nanoTime() - start) / 1e9, problems, evidence);
    }

    /**
     * Grades one part, keeping its troubles to itself. A student's file that cannot be used costs
     * that part's points, with the message. Missing or tampered course data, or a machine that
     * cannot run the grader, means nothing can be graded: those propagate. Anything else is the
     * grader failing on this submission, which leaves the report without a score (see
     * {@link GradeReport#state()}).
     */
    private static PartResult gradeSafely(SubmissionPart part, Submission submission) {
        try {
            return part.grade(submission);
        } catch (CourseDataException | EnvironmentException e) {
            throw e;
        } catch (StudentFileException e) {
            return part.ungraded(e.getMessage());
        } catch (RuntimeException e) {
            PartResult unfinished = part.ungraded("The grader failed while grading this part; your work was not judged.");
            List<String> errors = new ArrayList<>(unfinished.graderErrors());
            errors.add(part.name() + ": " + e);
            return new PartResult(unfinished.tests(), unfinished.notes(), Optional.empty(), errors);
        }
    }
}
