package edu.mlcourse.hw5.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.Evidence;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path out;

    static GradescopeResults results(double... scores) {
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            tests.add(new TestResult("test " + (i + 1), scores[i], 10, "", "visible", List.of()));
        }
        return GradescopeResults.of(new GradeReport("s", tests, List.of(), Optional.empty(), List.of(), 1), "summary");
    }

    @Test
    void evidenceIsSavedBesideTheResultsReadBackAndRemovedWithThem() throws IOException {
        ResultStore store = new ResultStore(out);
        Evidence evidence = new Evidence.Builder().wrongOutputs(Map.of("reluForward/hidden/n1_k1", "abc"))
                .source("Q1.java", new Evidence.Source("def", 812, List.of("p1", "p2"))).predictions(new int[] {3, 1, 4}).model("f", "w").build();
        store.saveResults("alice", results(10), evidence);
        Evidence read = store.evidence("alice").orElseThrow();
        assertEquals(Map.of("reluForward/hidden/n1_k1", "abc"), read.wrongOutputs());
        assertEquals(Map.of("Q1.java", new Evidence.Source("def", 812, List.of("p1", "p2"))), read.sources());
        assertEquals(List.of(3, 1, 4), Arrays.stream(read.predictions()).boxed().toList());
        assertEquals("w", read.modelWeights());

        store.saveError("alice", new GraderError("alice", List.of("boom")));
        assertEquals("w", store.evidence("alice").orElseThrow().modelWeights(), "the grade stands, with its evidence");
        Files.writeString(store.resultsFile("alice"), "{damaged");
        store.saveError("alice", new GraderError("alice", List.of("boom")));
        assertFalse(Files.exists(store.evidenceFile("alice")), "evidence of results that no longer stand goes with them");
        store.saveResults("bob", results(10), Evidence.NONE);
        assertFalse(Files.exists(store.evidenceFile("bob")));
        assertTrue(store.evidence("bob").isEmpty());
    }

    @Test
    void aSubmissionIsDoneOnceItsResultsAreSavedAndOnlyWhileTheyParse() throws IOException {
        ResultStore store = new ResultStore(out);
        assertFalse(store.isDone("alice"));
        store.saveResults("alice", results(10, 5));
        assertTrue(store.isDone("alice"));
        assertEquals(15, store.readAll().graded().get(0).results().score());

        String json = Files.readString(store.resultsFile("alice"));
        Files.writeString(store.resultsFile("alice"), json.substring(0, json.length() / 2));
        assertFalse(store.isDone("alice"));
        assertEquals(List.of(new ResultStore.Ungraded("alice", "results.json is damaged; the next run grades it again.", false)),
                store.readAll().ungraded());
    }

    @Test
    void aGraderErrorNeverReplacesAGradeAndIsClearedByTheNextGrade() throws IOException {
        ResultStore store = new ResultStore(out);
        store.saveResults("bob", results(10));
        store.saveError("bob", new GraderError("subs/bob", List.of("java.lang.IllegalStateException: boom")));
        assertTrue(store.isDone("bob"), "the last grade stands");
        assertEquals(Optional.of("the grader failed: java.lang.IllegalStateException: boom"),
                store.readAll().graded().get(0).regradeFailure());

        store.saveError("carol", new GraderError("subs/carol", List.of("java.lang.IllegalStateException: boom")));
        assertFalse(Files.exists(store.resultsFile("carol")));
        assertFalse(store.isDone("carol"));
        assertEquals(List.of(new ResultStore.Ungraded("carol", "the grader failed: java.lang.IllegalStateException: boom", true)),
                store.readAll().ungraded());

        store.saveResults("bob", results(10));
        store.saveResults("carol", results(10));
        assertFalse(Files.exists(store.errorFile("bob")));
        assertFalse(Files.exists(store.errorFile("carol")));
        assertEquals(2, store.readAll().graded().size());
        assertTrue(store.readAll().graded().get(0).regradeFailure().isEmpty());
        assertTrue(store.readAll().ungraded().isEmpty());
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedWhenTheSubmissionIsSavedAgain() throws IOException {
        ResultStore store = new ResultStore(out);
        Files.createDirectories(out.resolve("carol"));
        Files.writeString(out.resolve("carol/.results-123.json.tmp"), "{\"score\": 1");
        Files.writeString(out.resolve("carol/.batch-456.tmp"), "{");
        store.saveResults("carol", results(1));
        try (var files = Files.list(out.resolve("carol"))) {
            assertEquals(List.of(store.resultsFile("carol")), files.toList());
        }
    }

    @Test
    void foldersWithoutResultsOrErrorsAreNotSubmissions() throws IOException {
        Files.createDirectories(out.resolve("notes"));
        Files.writeString(out.resolve("scores.csv"), "");
        assertEquals(0, new ResultStore(out).readAll().size());
        assertEquals(0, new ResultStore(out.resolve("missing")).readAll().size());
    }
}
