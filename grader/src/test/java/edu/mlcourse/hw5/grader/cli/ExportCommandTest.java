package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.export.CanvasFormat;
import edu.mlcourse.hw5.grader.packaging.PythonBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grader export} on graded examples (the Java ones, which need no Python) with the examples'
 * roster: Canvas's import format, the students listed, the totals withheld.
 */
class ExportCommandTest {
    @TempDir
    Path dir;

    private final GraderRun grader = new GraderRun();

    @Test
    void theExamplesExportAsCanvasImportsThemWithTheStudentsListed() throws IOException {
        Path examples = Repository.root().resolve("examples");
        Path submissions = dir.resolve("submissions");
        for (String example : new String[] {"java-reference", "java-mistakes"}) {
            PythonBundles.copyTree(examples.resolve("submissions").resolve(example), submissions.resolve(example));
        }
        Files.createDirectories(submissions.resolve("late-unlisted"));
        Path results = dir.resolve("out");
        assertEquals(0, grader.run("batch", submissions.toString(), "--out", results.toString(), "--jobs", "2"), grader::err);

        assertEquals(0, grader.run("export", results.toString(), "--roster", examples.resolve("roster.csv").toString(),
                "--assignment", "HW5 (12345)"), grader::err);

        String canvas = Files.readString(results.resolve("canvas-import.csv"));
        Map<String, String> grades = CanvasFormat.check(canvas, "HW5 (12345)", 100);
        assertEquals("100", grades.get("s1001"));
        assertTrue(Double.parseDouble(grades.get("s1003")) < 100, grades::toString);
        assertEquals("", grades.get("s1002"), "no folder in this batch: withheld");
        assertEquals("", grades.get("s1005"));
        assertTrue(canvas.contains("\"Reference, Java\",,s1001,,Lab A,100\r\n"), canvas);
        assertTrue(grader.err().contains("late-unlisted: no student of the roster has this submission"), grader::err);
        assertTrue(grader.err().contains("s1005 (Absent Student): withheld: no submission in the batch."), grader::err);
        assertTrue(grader.out().contains("2 of 5 student(s) with a total (of 100), 3 withheld, 1 submission(s) without"
                + " a student."), grader::out);
        assertTrue(Files.readString(results.resolve("grades.csv")).startsWith("student id,name,submission,total,"));
        assertTrue(grader.out().contains("Wrote " + results.resolve("canvas-import.csv")), grader::out);

        assertEquals(2, grader.run("export", results.toString(), "--roster", dir.resolve("none.csv").toString()));
        assertTrue(grader.err().contains("--roster " + dir.resolve("none.csv") + " is not a file."), grader::err);
    }
}
