package edu.mlcourse.hw5.checker.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.mlcourse.hw5.files.AtomicFiles;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gradescope's {@code results.json} (see Gradescope's autograder specification): the total, the
 * tests with their scores, visibility and tags, and a leaderboard entry for the held-out accuracy.
 *
 * <p>When the grader failed on the submission, the file says so and nothing else: no tests, a total
 * of 0 that its output says is not a grade, and {@code extra_data.state} {@code "grader_failed"}
 * with the errors, so that no reader (a student, Gradescope, a batch) takes it for a score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradescopeResults(
        double score,
        @JsonProperty("execution_time") double executionTime,
        String output,
        @JsonProperty("output_format") String outputFormat,
        @JsonProperty("stdout_visibility") String stdoutVisibility,
        List<Test> tests,
        List<LeaderboardEntry> leaderboard,
        @JsonProperty("extra_data") ExtraData extraData) {
    /** How the temporary file of {@link #write} is named; a batch removes those a killed run left. */
    public static final String TEMPORARY_PREFIX = ".results-";
    /** {@code extra_data.state} of a submission the grader failed on. */
    public static final String GRADER_FAILED = "grader_failed";
    /** {@code extra_data.state} of a graded submission. */
    public static final String GRADED = "graded";

    /** One test as Gradescope shows it; Gradescope keeps its {@code extra_data} from the student. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Test(String name, double score, @JsonProperty("max_score") double maxScore, String status,
                       String output, @JsonProperty("output_format") String outputFormat, List<String> tags,
                       String visibility, Integer number, @JsonProperty("extra_data") TestExtraData extraData) {
        public Test(String name, double score, double maxScore, String status, String output, String outputFormat,
                    List<String> tags, String visibility, Integer number) {
            this(name, score, maxScore, status, output, outputFormat, tags, visibility, number, null);
        }
    }

    /**
     * A test's findings ({@link TestResult.Findings}): the named mistakes recognised, e.g.
     * {@code ["dWDividedByN"]}, and the first check that failed, e.g. {@code "hidden case n5_d2_m3"}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TestExtraData(List<String> mistakes, @JsonProperty("first_failure") String firstFailure) {
        static TestExtraData of(TestResult.Findings findings) {
            return findings.mistakes().isEmpty() && findings.firstFailure().isEmpty() ? null
                    : new TestExtraData(findings.mistakes(), findings.firstFailure().orElse(null));
        }
    }

    /** A column of the assignment's leaderboard. */
    public record LeaderboardEntry(String name, double value, String order) {
    }

    /**
     * What Gradescope keeps without showing: whether the submission was graded and, if the grader
     * failed, why; Q2's accuracy with whether the grader could verify it ({@link HeldOutScore}),
     * which a batch's {@code scores.csv} and class page read; and what graded it ({@link GradedWith}),
     * which a batch compares to decide what to grade again.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExtraData(String state, @JsonProperty("grader_errors") List<String> graderErrors, HeldOutScore q2,
                            @JsonProperty("graded_with") GradedWith gradedWith) {
        public ExtraData(String state, List<String> graderErrors) {
            this(state, graderErrors, null, null);
        }

        public ExtraData(String state, List<String> graderErrors, HeldOutScore q2) {
            this(state, graderErrors, q2, null);
        }
    }

    /** What graded these results, if they say (those of graders before fingerprints do not). */
    @JsonIgnore
    public Optional<GradedWith> gradedWith() {
        return Optional.ofNullable(extraData == null ? null : extraData.gradedWith());
    }

    /** The same results, recording what graded them in {@code extra_data.graded_with}. */
    public GradescopeResults withGradedWith(GradedWith gradedWith) {
        ExtraData extra = extraData == null ? new ExtraData(GRADED, List.of()) : extraData;
        return new GradescopeResults(score, executionTime, output, outputFormat, stdoutVisibility, tests, leaderboard,
                new ExtraData(extra.state(), extra.graderErrors(), extra.q2(), gradedWith));
    }

    /** Q2's accuracy and whether it is verified, if Q2 was scored. */
    @JsonIgnore
    public Optional<HeldOutScore> q2() {
        return Optional.ofNullable(extraData == null ? null : extraData.q2());
    }

    /** The results of a report as students see them: its tests, and the text report's summary above them. */
    public static GradescopeResults of(GradeReport report) {
        return of(report, TextReport.summary(report));
    }

    public static GradescopeResults of(GradeReport report, String summary) {
        double seconds = Math.round(report.seconds() * 1000) / 1000.0;
        if (report.graderFailed()) {
            return new GradescopeResults(0, seconds, summary, "text", "hidden", List.of(), null,
                    new ExtraData(GRADER_FAILED, report.graderErrors()));
        }
        List<Test> tests = new ArrayList<>();
        int number = 1;
        for (TestResult t : report.tests()) {
            tests.add(new Test(t.name(), t.score(), t.maxScore(), t.passed() ? "passed" : "failed", t.output(),
                    "text", t.tags(), t.visibility(), number++, TestExtraData.of(t.findings())));
        }
        List<LeaderboardEntry> leaderboard = report.heldOut().map(h -> List.of(new LeaderboardEntry(
                "Held-out accuracy (%)", Math.round(h.accuracy() * 100) / 100.0, "desc"))).orElse(null);
        return new GradescopeResults(Points.round(report.score()), seconds, summary, "text", "hidden", tests,
                leaderboard, new ExtraData(GRADED, List.of(), report.heldOut().orElse(null)));
    }

    /** Whether these are the results of a submission the grader failed on (and so hold no score). */
    @JsonIgnore
    public boolean graderFailed() {
        return extraData != null && GRADER_FAILED.equals(extraData.state());
    }

    /**
     * Writes the file atomically: to a temporary file beside it, then moved into place, so a
     * crash never leaves half a results file for Gradescope to read.
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, Json.prettyWriter().writeValueAsBytes(this), TEMPORARY_PREFIX);
    }
}
