package edu.mlcourse.hw5.checker.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        return new GradescopeResults(Math.round(report.score() * 10_000) / 10_000.0,
                Math.round(report.seconds() * 1000) / 1000.0, summary, "text", "hidden", tests, leaderboard);
    }

    /**
     * Writes the file atomically: to a temporary file beside it, then moved into place, so a
     * crash never leaves half a results file for Gradescope to read.
     */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".results-", ".json.tmp");
        try {
            Json.prettyWriter().writeValue(temporary.toFile(), this);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
