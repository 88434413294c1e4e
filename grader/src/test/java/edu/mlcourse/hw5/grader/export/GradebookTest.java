package edu.mlcourse.hw5.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.UsageException;
import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.GradescopeResults;
import edu.mlcourse.hw5.checker.report.HeldOutScore;
import edu.mlcourse.hw5.checker.report.TestResult;
import edu.mlcourse.hw5.grader.batch.GraderError;
import edu.mlcourse.hw5.grader.batch.ResultStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookTest {
    @TempDir
    Path dir;

    private ResultStore store;
    private Path roster;

    private static GradescopeResults results(double q1, double q2, boolean verified) {
        return GradescopeResults.of(new GradeReport("s", List.of(
                new TestResult("Q1 linearForward: public cases", q1, 60, "", "visible", List.of("linearForward")),
                new TestResult("Q2 held-out accuracy", q2, 40, "", "visible", List.of("heldout", "q2"))),
                List.of(), Optional.of(new HeldOutScore(91, verified, verified ? "model reproduces" : "no model file",
                List.of())), List.of(), 1), "");
    }

    @BeforeEach
    void batch() throws IOException {
        store = new ResultStore(dir.resolve("out"));
        store.saveResults("alice", results(21.6286, 20, true));
        store.saveResults("submission_4242", results(60, 40, true));
        store.saveResults("carol", results(60, 40, false));
        store.saveError("dave", new GraderError("dave", List.of("boom")));
        store.saveResults("stranger", results(1, 1, true));
        roster = dir.resolve("roster.csv");
        Files.writeString(roster, "\uFEFFStudent ID,Name,Folder,Canvas ID,Section\r\n"
                + "s1,\"Doe, Alice\",alice,,A\r\n"
                + "s2,Bob,4242,77,A\r\n"
                + "s3,Carol,carol,,B\r\n"
                + "s4,Dave,dave,,B\r\n"
                + "s5,=Eve,,,B\r\n");
    }

    @Test
    void theCanvasFileHasCanvasColumnsAndRowsAndWithholdsWhatIsNotAGrade() throws IOException {
        Gradebook gradebook = Gradebook.of(store.readAll(), Roster.read(roster), false);
        String canvas = GradebookCsv.canvas(gradebook, "HW5 (12345)");

        Map<String, String> grades = CanvasFormat.check(canvas, "HW5 (12345)", 100);
        assertEquals(Map.of("s1", "41.6286", "s2", "100", "s3", "", "s4", "", "s5", ""), grades);
        assertTrue(canvas.startsWith("Student,ID,SIS User ID,SIS Login ID,Section,HW5 (12345)\r\n"
                + "    Points Possible,,,,,100\r\n\"Doe, Alice\",,s1,,A,41.6286\r\nBob,77,s2,,A,100\r\n"), canvas);
        assertTrue(canvas.contains("'=Eve,,s5,,B,\r\n"), "a formula-like name is defused: " + canvas);
        assertEquals(List.of("stranger"), gradebook.unmatched());
        assertEquals(List.of(Gradebook.Status.EXPORTED, Gradebook.Status.EXPORTED, Gradebook.Status.UNVERIFIED,
                Gradebook.Status.NOT_GRADED, Gradebook.Status.NO_SUBMISSION),
                gradebook.students().stream().map(Gradebook.Entry::status).toList());
    }

    @Test
    void unverifiedTotalsGoOutOnlyWhenAsked() throws IOException {
        Gradebook gradebook = Gradebook.of(store.readAll(), Roster.read(roster), true);
        assertEquals("100", CanvasFormat.check(GradebookCsv.canvas(gradebook, "HW5"), "HW5", 100).get("s3"));
        assertEquals(Gradebook.Status.EXPORTED_UNVERIFIED, gradebook.students().get(2).status());
    }

    @Test
    void thePlainCsvHasTheTotalAndEachPart() throws IOException {
        String plain = GradebookCsv.plain(Gradebook.of(store.readAll(), Roster.read(roster), false));
        List<List<String>> rows = Csv.parse(plain);
        assertEquals(List.of("student id", "name", "submission", "total", "linearForward", "linearBackward", "reluForward",
                "reluBackward", "softmaxForward", "softmaxBackward", "Q1", "Q2", "Q2 verified", "status"), rows.get(0));
        assertEquals(List.of("s1", "Doe, Alice", "alice", "41.6286", "21.6286", "", "", "", "", "", "21.6286", "20", "yes",
                "exported"), rows.get(1));
        assertEquals("", rows.get(3).get(3), "carol's unverified total is withheld");
        assertEquals("no", rows.get(3).get(12));
    }

    @Test
    void aRosterThatCannotBeUsedSaysWhy() throws IOException {
        Files.writeString(roster, "id,folder\ns1,alice\n");
        assertTrue(assertThrows(UsageException.class, () -> Roster.read(roster)).getMessage().contains("\"student id\""));
        Files.writeString(roster, "student id,name,folder\ns1,A,alice\ns2,B,alice\n");
        assertTrue(assertThrows(UsageException.class, () -> Roster.read(roster)).getMessage()
                .contains("gives the folder \"alice\" to both s1 and s2"));
    }
}
