package edu.mlcourse.hw5.grader.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.checker.cli.CheckCommand;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.checker.submission.FileLookup;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.checker.submission.SubmissionLoader;
import edu.mlcourse.hw5.grader.GraderFixtures;
import edu.mlcourse.hw5.grader.Repository;
import edu.mlcourse.hw5.grader.packaging.CheckPyBundle;
import edu.mlcourse.hw5.grader.packaging.PythonBundles;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code check.py} finds q1.py in the Python upload forms exactly as the grader does: the same file,
 * the same notes, the same reason to refuse; a q1.py in a subfolder or under a browser's name is
 * checked in full; and {@code ./check} prints the same lines as {@code check.py} for each form, on the
 * same scale, in the same voice.
 */
class PythonCheckUploadsTest {
    @RegisterExtension
    static final CheckPyBundle CHECK_PY = new CheckPyBundle();

    @Test
    void checkPyTakesWhatTheGraderTakesAndSaysWhatItSays() throws IOException {
        List<String> folders = new ArrayList<>();
        List<UploadForm> forms = UploadForm.pythonForms().stream().filter(f -> !f.zipped()).toList();
        for (int i = 0; i < forms.size(); i++) {
            folders.add(forms.get(i).materialise(CHECK_PY.dir().resolve("form-" + i)).toString());
        }
        String script = "import json, sys\nsys.path.insert(0, sys.argv[1])\nimport check\ncheck.load_course()\n"
                + "print(json.dumps([check.locate_q1(folder) for folder in sys.argv[2:]]))\n";
        List<String> command = new ArrayList<>(List.of(PythonBundles.PYTHON.toString(), "-c", script, CHECK_PY.bundle().toString()));
        command.addAll(folders);
        PythonBundles.Run run = PythonBundles.run(CHECK_PY.dir(), command);
        assertEquals(0, run.code(), run::toString);
        JsonNode found = Json.mapper().readTree(run.out());
        for (int i = 0; i < forms.size(); i++) {
            try (Submission submission = SubmissionLoader.open(Path.of(folders.get(i)))) {
                FileLookup grader = submission.pythonQ1();
                JsonNode check = found.get(i);
                String form = forms.get(i).name();
                assertEquals(grader.file().map(submission::relative).orElse(null),
                        check.get(0).isNull() ? null : check.get(0).asText(), form);
                List<String> notes = new ArrayList<>();
                check.get(1).forEach(n -> notes.add(n.asText()));
                assertEquals(grader.notes(), notes, form);
                assertEquals(grader.problem().orElse(null), check.get(2).isNull() ? null : check.get(2).asText(), form);
            }
        }
    }

    @Test
    void aQ1InASubfolderOrUnderABrowsersNameIsCheckedInFull() throws IOException {
        Path nested = UploadForm.pythonForms().stream().filter(f -> f.name().contains("subfolder")).findFirst()
                .orElseThrow().materialise(CHECK_PY.dir().resolve("nested"));
        PythonBundles.Run run = CHECK_PY.check(CHECK_PY.dir(), nested.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("  Total                                             36.00 / 36.00"), run::toString);
        Path renamed = UploadForm.pythonForms().stream().filter(f -> f.name().contains("second download")).findFirst()
                .orElseThrow().materialise(CHECK_PY.dir().resolve("renamed"));
        run = CHECK_PY.check(CHECK_PY.dir(), renamed.toString());
        assertTrue(run.out().contains("  Total                                             36.00 / 36.00"), run::toString);
        assertTrue(run.out().contains("Notes\n   - Graded q1 (1).py as your q1.py"), run::toString);
    }
    /**
     * {@code ./check} and {@code check.py} print the same Q1 lines (each test, the total and what it
     * means) for every upload form both take ({@code check.py} takes folders, not zips), say the
     * same about how the file was found, and give the same verdict on Q2's files.
     */
    @Test
    void dotCheckAndCheckPyPrintTheSameTotalOnEveryUploadForm() throws IOException {
        List<UploadForm> forms = UploadForm.pythonForms().stream().filter(f -> !f.zipped()).toList();
        for (int i = 0; i < forms.size(); i++) {
            UploadForm form = forms.get(i);
            Path folder = form.materialise(CHECK_PY.dir().resolve("both-" + i));
            PythonBundles.Run checkPy = CHECK_PY.check(CHECK_PY.dir(), folder.toString());
            assertEquals(0, checkPy.code(), checkPy::toString);
            String dotCheck = dotCheck(folder);
            String both = form + "\n--- ./check\n" + dotCheck + "\n--- check.py\n" + checkPy.out();
            assertEquals(q1Lines(dotCheck), q1Lines(checkPy.out()), both);
            assertTrue(q1Lines(dotCheck).contains("  Public cases only: 36 of Q1's 60 points."), both);
            for (String said : form.said()) {
                assertTrue(dotCheck.contains(said) && checkPy.out().contains(said), said + "\n" + both);
            }
            if (form.files().containsKey("q2.ipynb")) {
                assertTrue(dotCheck.contains("q2.ipynb is a valid notebook"), both);
                assertTrue(dotCheck.contains("so Q2 would be verified"), both);
                assertTrue(checkPy.out().contains("Verified: the grader will score this model's own accuracy"), both);
            }
        }
    }

    /**
     * What the student code prints (numpy's warnings) names the student's file as the student knows
     * it, never a temporary folder, in {@code check.py}, {@code ./check} and the grader alike; and
     * {@code ./check}'s notes are each one dashed item, as {@code check.py}'s.
     */
    @Test
    void warningsNameTheStudentsFileAndNotesLookAlike() throws IOException {
        Path folder = Files.createDirectories(CHECK_PY.dir().resolve("warns"));
        Path example = Repository.root().resolve("examples/submissions/python-mistakes");
        for (String name : List.of("q1.py", "q2.ipynb", "my_model.pt", "predictions.npy")) {
            Files.copy(example.resolve(name), folder.resolve(name));
        }
        String checkPy = CHECK_PY.check(CHECK_PY.dir(), folder.toString()).out();
        String dotCheck = dotCheck(folder);
        String grader = String.join("\n", GraderFixtures.q1Pipeline(RunLimits.DEFAULT).grade(folder).notes());
        Pattern warning = Pattern.compile("(?m)^\\s*(- )?q1\\.py:\\d+: RuntimeWarning: overflow encountered in exp$");
        for (String said : List.of(checkPy, dotCheck, grader)) {
            assertTrue(warning.matcher(said).find(), said);
            assertFalse(Pattern.compile("/\\S*q1\\.py:\\d+").matcher(said).find(), "a folder before q1.py:\n" + said);
        }
        for (String output : List.of(checkPy, dotCheck)) {
            String notes = output.substring(output.indexOf("\nNotes\n") + "\nNotes\n".length());
            notes = notes.contains("\n\n") ? notes.substring(0, notes.indexOf("\n\n")) : notes;
            assertTrue(notes.lines().allMatch(l -> l.startsWith("   - ") || l.startsWith("     ")), notes);
        }
    }

    /** {@code ./check} on {@code folder}, with the course files of the Python bundle. */
    private static String dotCheck(Path folder) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = CheckCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        int code = commandLine.execute(folder.toString(), "--vectors", CHECK_PY.bundle().resolve("vectors/public").toString(),
                "--heldout", CHECK_PY.bundle().resolve("data/heldout").toString());
        assertEquals(0, code, out::toString);
        return out.toString();
    }

    /** The lines of a test, of the total and of what it means: what both checkers print alike. */
    private static String q1Lines(String output) {
        return output.lines().filter(l -> l.startsWith("  PASS  ") || l.startsWith("  FAIL  ")
                || l.startsWith("  Total ") || l.startsWith("  Public cases only: ")).collect(Collectors.joining("\n"));
    }
}
