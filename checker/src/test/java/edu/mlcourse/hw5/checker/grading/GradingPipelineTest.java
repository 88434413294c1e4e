package edu.mlcourse.hw5.checker.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.StudentFileException;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.checker.report.TextReport;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the pipeline keeps each part's troubles to that part, and how a grader failure is never a score. */
class GradingPipelineTest {
    @TempDir
    Path submission;

    /** A part worth 10 points that grades with {@code grading}. */
    private static SubmissionPart part(String name, Function<Submission, PartResult> grading) {
        return new SubmissionPart() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PartResult grade(Submission submission) {
                return grading.apply(submission);
            }

            @Override
            public PartResult ungraded(String reason) {
                return new PartResult(List.of(new TestResult(name, 0, 10, reason, "visible", List.of())), List.of(),
                        Optional.empty(), List.of());
            }
        };
    }

    private static PartResult full(String name) {
        return new PartResult(List.of(new TestResult(name, 10, 10, "all good", "visible", List.of())), List.of(),
                Optional.empty(), List.of());
    }

    private GradeReport grade(SubmissionPart... parts) {
        return new GradingPipeline(List.of(parts), List.of("standing note")).grade(submission);
    }

    @Test
    void aPartThatThrowsLeavesTheSubmissionWithoutAScoreEverywhere() throws IOException {
        GradeReport report = grade(part("Q1", s -> full("Q1")), part("Q2", s -> {
            throw new IllegalStateException("boom in Q2");
        }));

        assertEquals(GradeReport.State.GRADER_FAILED, report.state());
        assertEquals(List.of("Q2: java.lang.IllegalStateException: boom in Q2"), report.graderErrors());

        String text = TextReport.render(report);
        assertTrue(text.contains("GRADER FAILED: the grader itself failed on this submission, so it has no score"), text);
        assertTrue(text.contains("Q2: java.lang.IllegalStateException: boom in Q2"), text);
        assertFalse(text.contains("Total"), "no total is shown: " + text);

        GradescopeResults results = GradescopeResults.of(report);
        assertTrue(results.graderFailed());
        JsonNode json = Json.mapper().readTree(Json.prettyWriter().writeValueAsBytes(results));
        assertEquals(0, json.get("tests").size(), "no test scores: " + json);
        assertEquals("grader_failed", json.get("extra_data").get("state").asText());
        assertTrue(json.get("output").asText().startsWith("GRADER FAILED"), json::toPrettyString);
        assertTrue(json.get("output").asText().contains("not a grade"), json::toPrettyString);
    }

    @Test
    void aGradedSubmissionSaysSoInItsResults() throws IOException {
        GradeReport report = grade(part("Q1", s -> full("Q1")), part("Q2", s -> full("Q2")));
        assertEquals(GradeReport.State.GRADED, report.state());
        JsonNode json = Json.mapper().readTree(Json.prettyWriter().writeValueAsBytes(
                GradescopeResults.of(report)));
        assertEquals(20.0, json.get("score").asDouble());
        assertEquals("graded", json.get("extra_data").get("state").asText());
        assertTrue(TextReport.render(report).contains("Total"));
    }

    @Test
    void aStudentFileThatCannotBeUsedCostsOnlyItsPartWithTheMessage() {
        GradeReport report = grade(part("Q1", s -> full("Q1")), part("Q2", s -> {
            throw new StudentFileException("predictions.npy is truncated: save it again with np.save.");
        }));
        assertEquals(GradeReport.State.GRADED, report.state());
        assertEquals(10.0, report.score());
        TestResult q2 = report.tests().get(1);
        assertEquals(0.0, q2.score());
        assertEquals("predictions.npy is truncated: save it again with np.save.", q2.output());
    }

    @Test
    void damagedCourseDataStopsGradingAltogether() {
        CourseDataException thrown = assertThrows(CourseDataException.class, () -> grade(part("Q1", s -> full("Q1")),
                part("Q2", s -> {
                    throw new CourseDataException("heldout/hidden/manifest.json is missing.");
                })));
        assertEquals("heldout/hidden/manifest.json is missing.", thrown.getMessage());
    }
}
