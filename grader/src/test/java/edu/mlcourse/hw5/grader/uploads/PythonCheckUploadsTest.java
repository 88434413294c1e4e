package edu.mlcourse.hw5.grader.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import edu.mlcourse.hw5.checker.submission.FileLookup;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.checker.submission.SubmissionLoader;
import edu.mlcourse.hw5.grader.packaging.CheckPyBundle;
import edu.mlcourse.hw5.grader.packaging.PythonBundles;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code check.py} finds q1.py in the Python upload forms exactly as the grader does: the same file,
 * the same notes, the same reason to refuse; and a q1.py in a subfolder or under a browser's name is
 * checked in full.
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
        assertTrue(run.out().contains("Note: Graded q1 (1).py as your q1.py"), run::toString);
    }
}
