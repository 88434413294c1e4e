package edu.mlcourse.hw5.checker.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.mlcourse.hw5.files.AtomicFiles;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradescope's {@code results.json} (see Gradescope's autograder specification): the total, the
 * tests with their scores, visibility and tags, and a leaderboard entry for the held-out accuracy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradescopeResults(
        double score,
        @JsonProperty("execution_time") double executionTime,
        String output,
        @JsonProperty("output_format") String outputFormat,
        @JsonProperty("stdout_visibility") String stdoutVisibility,
        List<Test> tests,
        List<LeaderboardEntry> leaderboard) {
    /** How the temporary file of {@link #write} is named; a batch removes those a killed run left. */
    public static final String TEMPORARY_PREFIX = ".results-";

    /** One test as Gradescope shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Test(String name, double score, @JsonProperty("max_score") double maxScore, String status,
                       String output, @JsonProperty("output_format") String outputFormat, List<String> tags,
                       String visibility, Integer number) {
    }

    /** A column of the assignment's leaderboard. */
    public record LeaderboardEntry(String name, double value, String order) {
    }

    public static GradescopeResults of(GradeReport report, String summary) {
        List<Test> tests = new ArrayList<>();
        int number = 1;
        for (TestResult t : report.tests()) {
            tests.add(new Test(t.name(), t.score(), t.maxScore(), t.passed() ? "passed" : "failed", t.output(),
                    "text", t.tags(), t.visibility(), number++));
        }
        List<LeaderboardEntry> leaderboard = report.accuracy()
                .map(a -> List.of(new LeaderboardEntry("Held-out accuracy (%)", Math.round(a * 100) / 100.0, "desc")))
                .orElse(null);
        return new GradescopeResults(Points.round(report.score()),
                Math.round(report.seconds() * 1000) / 1000.0, summary, "text", "hidden", tests, leaderboard);
    }

    /**
     * Writes the file atomically: to a temporary file beside it, then moved into place, so a
     * crash never leaves half a results file for Gradescope to read.
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, Json.prettyWriter().writeValueAsBytes(this), TEMPORARY_PREFIX);
    }
}
