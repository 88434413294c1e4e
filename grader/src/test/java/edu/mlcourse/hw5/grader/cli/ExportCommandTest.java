package edu.mlcourse.hw5.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.export.CanvasFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code grader export} on graded examples (the Java ones, which need no Python) with the examples'
 * roster: Canvas's import format, the students listed, the totals withheld.
 */
class ExportCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = GraderCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void theExamplesExportAsCanvasImportsThemWithTheStudentsListed() throws IOException {
        Path examples = Repository.root().resolve("examples");
        Path submissions = dir.resolve("submissions");
        for (String example : new String[] {"java-reference", "java-mistakes"}) {
            copy(examples.resolve("submissions").resolve(example), submissions.resolve(example));
        }
        Files.createDirectories(submissions.resolve("late-unlisted"));
        Path results = dir.resolve("out");
        assertEquals(0, run("batch", submissions.toString(), "--out", results.toString(), "--jobs", "2"), err::toString);

        assertEquals(0, run("export", results.toString(), "--roster", examples.resolve("roster.csv").toString(),
                "--assignment", "HW5 (12345)"), err::toString);

        String canvas = Files.readString(results.resolve("canvas-import.csv"));
        Map<String, String> grades = CanvasFormat.check(canvas, "HW5 (12345)", 100);
        assertEquals("100", grades.get("s1001"));
        assertTrue(Double.parseDouble(grades.get("s1003")) < 100, grades::toString);
        assertEquals("", grades.get("s1002"), "no folder in this batch: withheld");
        assertEquals("", grades.get("s1005"));
        assertTrue(canvas.contains("\"Reference, Java\",,s1001,,Lab A,100\r\n"), canvas);
        assertTrue(err.toString().contains("late-unlisted: no student of the roster has this submission"), err::toString);
        assertTrue(err.toString().contains("s1005 (Absent Student): withheld: no submission in the batch."), err::toString);
        assertTrue(out.toString().contains("2 of 5 student(s) with a total (of 100), 3 withheld, 1 submission(s) without"
                + " a student."), out::toString);
        assertTrue(Files.readString(results.resolve("grades.csv")).startsWith("student id,name,submission,total,"));
        assertTrue(out.toString().contains("Wrote " + results.resolve("canvas-import.csv")), out::toString);

        assertEquals(2, run("export", results.toString(), "--roster", dir.resolve("none.csv").toString()));
        assertTrue(err.toString().contains("--roster " + dir.resolve("none.csv") + " is not a file."), err::toString);
    }
}
