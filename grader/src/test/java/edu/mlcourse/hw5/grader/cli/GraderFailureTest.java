package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.checker.grading.PartResult;
import edu.mlcourse.hw5.checker.grading.SubmissionPart;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.cli.ExitCode;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A grader that fails on a submission (here a part that throws, put in through the command line's
 * factory) says so everywhere, and never shows it as a score: the text report, results.json, the
 * exit code, and a batch, which lists it and grades it again on the next run.
 */
class GraderFailureTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The real grading options, with one more part that throws on submissions whose folder is named "victim". */
    static final class FailingOptions extends GradingOptions {
        @Override
        List<SubmissionPart> extraParts() {
            List<SubmissionPart> parts = new ArrayList<>(super.extraParts());
            parts.add(new SubmissionPart() {
                @Override
                public String name() {
                    return "Q3";
                }

                @Override
                public PartResult grade(Submission submission) {
                    if (submission.root().toString().contains("victim")) {
                        throw new IllegalStateException("injected failure");
                    }
                    return new PartResult(List.of(), List.of(), java.util.Optional.empty(), List.of());
                }

                @Override
                public PartResult ungraded(String reason) {
                    return new PartResult(List.of(), List.of(), java.util.Optional.empty(), List.of());
                }
            });
            return parts;
        }
    }

    private int run(boolean failing, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return failing && type == GradingOptions.class ? (K) new FailingOptions() : defaults.create(type);
            }
        };
        CommandLine commandLine = GraderCommand.commandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path victim() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("submissions/victim"));
        Files.copy(Repository.referenceQ1(), folder.resolve("Q1.java"));
        return folder;
    }

    @Test
    void gradeSaysGraderFailedInTheReportAndResultsAndExitsWithItsCode() throws IOException {
        Path results = dir.resolve("results.json");
        int code = run(true, "grade", victim().toString(), "--results", results.toString());

        assertEquals(ExitCode.GRADER_FAILED.code(), code, err::toString);
        assertTrue(out.toString().contains("GRADER FAILED: the grader itself failed on this submission, so it has no"
                + " score"), out::toString);
        assertFalse(out.toString().contains("Total"), out::toString);
        assertTrue(err.toString().contains("the grader failed on " + dir.resolve("submissions/victim")
                + "; it has no score. Q3: java.lang.IllegalStateException: injected failure"), err::toString);
        JsonNode json = Json.mapper().readTree(results.toFile());
        assertEquals("grader_failed", json.get("extra_data").get("state").asText(), json::toPrettyString);
        assertEquals(0, json.get("tests").size(), json::toPrettyString);
        assertTrue(json.get("output").asText().contains("not a grade"), json::toPrettyString);
    }

    @Test
    void batchListsTheFailureKeepsItOutOfTheScoresAndGradesItAgainNextRun() throws IOException {
        Path folder = victim().getParent();
        Files.createDirectories(folder.resolve("alice"));
        Files.copy(Repository.referenceQ1(), folder.resolve("alice/Q1.java"));
        Path results = dir.resolve("out");

        assertEquals(ExitCode.GRADER_FAILED.code(), run(true, "batch", folder.toString(), "--out", results.toString()),
                err::toString);
        assertTrue(err.toString().contains("grader batch: the grader failed on victim (Q3: java.lang.IllegalStateException:"
                + " injected failure); it has no results and the next run grades it again."), err::toString);
        assertFalse(Files.exists(results.resolve("victim/results.json")));
        assertTrue(Files.exists(results.resolve("victim/grader-error.json")));
        String scores = Files.readString(results.resolve("scores.csv"));
        assertTrue(scores.lines().anyMatch(l -> l.startsWith("victim,not graded,")), scores);
        String md = Files.readString(results.resolve("summary.md"));
        assertTrue(md.contains("| victim | the grader failed: Q3: java.lang.IllegalStateException: injected failure |"), md);

        // The grader mended, the next run grades only the failed submission.
        assertEquals(ExitCode.OK.code(), run(false, "batch", folder.toString(), "--out", results.toString()),
                err::toString);
        assertTrue(out.toString().contains("grading 1 with"), out::toString);
        assertTrue(Files.exists(results.resolve("victim/results.json")));
        assertFalse(Files.exists(results.resolve("victim/grader-error.json")));
    }
}
