package edu.mlcourse.hw5.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradescopeResultsTest {
    @Test
    void carriesGradescopesFieldsAndIsWrittenAtomically(@TempDir Path dir) throws IOException {
        GradeReport report = new GradeReport("sub", List.of(
                new TestResult("Q1 linearForward: public cases", 2.5, 5, "5 of 10", "visible", List.of("linearForward", "q1")),
                new TestResult("Q1 linearForward: hidden cases", 5, 5, "10 of 10", "after_due_date", List.of("linearForward"))),
                List.of("a note"), Optional.of(new HeldOutScore(91.2345, false, "there is no model file (my_model.pt)",
                        List.of())), List.of(), 1.23456);
        Path file = dir.resolve("results/results.json");
        GradescopeResults.of(report).write(file);
        JsonNode json = Json.mapper().readTree(file.toFile());
        assertEquals(7.5, json.get("score").asDouble());
        assertEquals(1.235, json.get("execution_time").asDouble());
        JsonNode first = json.get("tests").get(0);
        assertEquals("failed", first.get("status").asText());
        assertEquals(5.0, first.get("max_score").asDouble());
        assertEquals("visible", first.get("visibility").asText());
        assertEquals("linearForward", first.get("tags").get(0).asText());
        assertEquals("passed", json.get("tests").get(1).get("status").asText());
        assertEquals("after_due_date", json.get("tests").get(1).get("visibility").asText());
        assertEquals(91.23, json.get("leaderboard").get(0).get("value").asDouble());
        // Q2's verdict is kept for the staff and the batch, and reads back.
        JsonNode q2 = json.get("extra_data").get("q2");
        assertFalse(q2.get("verified").asBoolean(true), q2.toString());
        assertEquals("there is no model file (my_model.pt)", q2.get("why").asText());
        assertEquals("there is no model file (my_model.pt).", Json.mapper().readValue(file.toFile(),
                GradescopeResults.class).q2().orElseThrow().toVerify());
        assertTrue(json.get("output").asText().contains("a note"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void eachTestsFindingsGoToItsExtraDataWhichReadsBack(@TempDir Path dir) throws IOException {
        GradeReport report = new GradeReport("sub", List.of(
                new TestResult("Q1 linearBackward: hidden cases", 1, 3, "...", "after_due_date", List.of("linearBackward"),
                        new TestResult.Findings(List.of("dwDividedByN"), Optional.of("hidden case n5_d2_m3"))),
                new TestResult("Q1 reluForward: hidden cases", 3, 3, "all passed", "after_due_date", List.of("reluForward"))),
                List.of(), Optional.empty(), List.of(), 1);
        Path file = dir.resolve("results.json");
        GradescopeResults.of(report).write(file);
        JsonNode json = Json.mapper().readTree(file.toFile());
        assertEquals("{\"mistakes\":[\"dwDividedByN\"],\"first_failure\":\"hidden case n5_d2_m3\"}",
                json.get("tests").get(0).get("extra_data").toString());
        assertTrue(json.get("tests").get(1).get("extra_data") == null, "nothing to say, no extra_data");
        assertEquals("graded", json.get("extra_data").get("state").asText());
        GradescopeResults read = Json.mapper().readValue(file.toFile(), GradescopeResults.class);
        assertEquals(List.of("dwDividedByN"), read.tests().get(0).extraData().mistakes());
    }
}
