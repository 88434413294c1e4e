package edu.mlcourse.hw5.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.mlcourse.hw5.checker.local.GradedCases;
import edu.mlcourse.hw5.checker.edition.python.PythonInterpreter;
import edu.mlcourse.hw5.npy.NpyWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The students' local check on a project laid out as the student bundle lays it out. */
class CheckCommandTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path project;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void aStudentProjectWithTheReferenceQ1() throws IOException {
        Path sources = Files.createDirectories(project.resolve("src/main/java/hw5"));
        Files.copy(REPOSITORY.resolve("reference-solution/src/main/java/hw5/Q1.java"), sources.resolve("Q1.java"));
        copyFolder(REPOSITORY.resolve("test-vectors/public"), project.resolve("vectors/public"));
        // As the student bundle has it: no hidden vectors, only their number.
        Files.write(project.resolve("vectors").resolve(GradedCases.FILE),
                GradedCases.beside(REPOSITORY.resolve("test-vectors/public")).json());
        copyFolder(REPOSITORY.resolve("heldout/public"), project.resolve("data/heldout"));
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private int check(String... args) {
        CommandLine commandLine = CheckCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    @Test
    void gradesQ1OnThePublicVectorsAndWritesJunitXmlAndMarkdown() throws IOException {
        NpyWriter.write(project.resolve("predictions.npy"), new int[10_000]);
        Path xml = project.resolve("reports");
        Path markdown = project.resolve("summary.md");
        assertEquals(0, check(project.toString(), "--junit-xml", xml.toString(), "--markdown", markdown.toString()));
        assertTrue(out.toString().contains("Total                                             36.00 / 36.00\n"
                + "  Public cases only: 36 of Q1's 60 points. The grader also checks hidden cases"), out::toString);
        assertTrue(out.toString().contains("predictions.npy holds 10000 valid labels; per class: 0:10000"), out::toString);
        String report = Files.readString(xml.resolve("TEST-junit-jupiter.xml"));
        int testCases = report.split("<testcase").length - 1;
        assertTrue(testCases >= 60, "one test case per check");
        assertTrue(report.contains("tests=\"" + testCases + "\""), report.substring(0, 300));
        assertTrue(report.contains("failures=\"0\""), report.substring(0, 300));
        assertTrue(Files.readString(markdown).startsWith("### HW5 local check: 36.00 / 36.00"));
        assertTrue(Files.readString(markdown).contains("\nPublic cases only: 36 of Q1's 60 points."));
    }

    @Test
    void checksAPythonQ1TooWhenTheProjectHoldsQ1Py() throws IOException {
        assumeTrue(PythonInterpreter.find().isPresent(), "Python 3 with numpy is needed to run q1.py");
        Files.delete(project.resolve("src/main/java/hw5/Q1.java"));
        Files.copy(REPOSITORY.resolve("reference-solution/src/main/python/q1.py"), project.resolve("q1.py"));
        assertEquals(0, check(project.toString()));
        assertTrue(out.toString().contains("PASS  Q1 softmax_backward: gradient check"), out::toString);
        assertTrue(out.toString().contains("Total                                             36.00 / 36.00"), out::toString);
    }

    @Test
    void tellsWhatTheGraderWouldRefuseInTheQ2Files() throws IOException {
        NpyWriter.write(project.resolve("predictions.npy"), new int[] {1, 2, 3});
        Files.writeString(project.resolve("my_model.json"), "{\"format\": \"hw5-model/1\"}");
        assertEquals(0, check(project.toString()));
        assertTrue(out.toString().contains("predictions.npy would be refused by the grader"), out::toString);
        assertTrue(out.toString().contains("my_model.json would be refused by the grader"), out::toString);
    }

    @Test
    void missingCourseFilesAreAOneLineErrorWithExitCode3() throws IOException {
        Files.delete(project.resolve("vectors/public/manifest.json"));
        StringWriter err = new StringWriter();
        CommandLine commandLine = CheckCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        assertEquals(3, commandLine.execute(project.toString()));
        assertTrue(err.toString().startsWith("hw5-check: The public test vectors (vectors/public) were not found in "), err::toString);
        assertEquals(1, err.toString().strip().lines().count(), err::toString);
    }

    @Test
    void withoutTheNumberOfGradedCasesNoPointsAreGuessed() throws IOException {
        Files.delete(project.resolve("vectors").resolve(GradedCases.FILE));
        StringWriter err = new StringWriter();
        CommandLine commandLine = CheckCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        assertEquals(3, commandLine.execute(project.toString()));
        assertTrue(err.toString().contains("graded-cases.json is missing: it says how many cases the grader grades"),
                err::toString);
        assertTrue(err.toString().contains("unzip it again"), err::toString);
        assertEquals(1, err.toString().strip().lines().count(), err::toString);
    }
}
