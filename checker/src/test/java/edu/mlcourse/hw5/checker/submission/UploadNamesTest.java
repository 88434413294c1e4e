package edu.mlcourse.hw5.checker.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names that mean Q1, and how copies and near-misses are taken, told, or refused. */
class UploadNamesTest {
    @TempDir
    Path dir;

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void namesThatStudentsToolsGiveMeanTheExactName() {
        for (String name : List.of("Q1.java", "Q1 (1).java", "Q1(2).java", "Q1-2.java", "Q1_1.java", "Q1 copy.java",
                "Q1 - Copy.java", "q1.java", "Q1.JAVA", "Q1.java.txt", "Q1 (1).java.txt")) {
            assertTrue(UploadNames.means("Q1.java", name), name);
        }
        for (String name : List.of("q1.py", "Q1.py", "q1 (1).py", "q1-3.py", "q1.py.txt")) {
            assertTrue(UploadNames.means("q1.py", name), name);
        }
        for (String name : List.of("Q10.java", "Q1Test.java", "Q1.class", "q1.ipynb", "q1-checkpoint.py", "Q1.java.bak",
                "oldQ1.java", "Q2.java")) {
            assertFalse(UploadNames.means("Q1.java", name) || UploadNames.means("q1.py", name), name);
        }
    }

    @Test
    void aRenamedUploadIsGradedWithANoteNamingIt() throws IOException {
        write("Q1 (1).java", "package hw5;");
        try (Submission s = SubmissionLoader.open(dir)) {
            assertEquals(dir.resolve("Q1 (1).java"), s.q1().file().orElseThrow());
            assertTrue(s.q1().notes().get(0).startsWith("Graded Q1 (1).java as your Q1.java"), s.q1()::toString);
            assertEquals(List.of(dir.resolve("Q1 (1).java")), s.javaSources());
        }
    }

    @Test
    void identicalCopiesAreOneFileWhateverTheirLineEndingsAndTheExactNameIsTaken() throws IOException {
        write("backup/Q1.java", "package hw5;\r\nclass Q1 {}\r\n");
        write("Q1.java", "\uFEFFpackage hw5;\nclass Q1 {}\n");
        try (Submission s = SubmissionLoader.open(dir)) {
            assertEquals(dir.resolve("Q1.java"), s.q1().file().orElseThrow());
            assertEquals(List.of("The submission holds 2 identical copies of Q1.java (Q1.java, backup/Q1.java); graded"
                    + " Q1.java. Next time, submit one copy."), s.q1().notes());
            assertEquals(List.of(dir.resolve("Q1.java")), s.javaSources(), "the other copy is not compiled");
        }
    }

    @Test
    void differentCopiesAreNotGuessedBetweenAndEachIsListed() throws IOException {
        write("q1.py", "import numpy as np\n");
        write("q1 (1).py", "import numpy as np\ndef relu_forward(x):\n    pass\n");
        try (Submission s = SubmissionLoader.open(dir)) {
            String problem = s.pythonQ1().problem().orElseThrow();
            assertTrue(problem.contains("2 different files that could be q1.py"), problem);
            assertTrue(problem.contains("  - q1.py (19 bytes)\n  - q1 (1).py (49 bytes): goes on after line 1, where"
                    + " q1.py ends"), problem);
        }
    }

    @Test
    void missingNamesWhatIsThereInstead() throws IOException {
        write("Q1.class", "");
        try (Submission s = SubmissionLoader.open(dir)) {
            assertEquals("Q1.java is missing: submit your hw5/Q1.java. The submission has Q1.class, which the grader"
                    + " cannot use as Q1.java.", s.q1().problem().orElseThrow());
        }
    }

    @Test
    void archiverAndNotebookFoldersAreNotLookedIn() throws IOException {
        write("__MACOSX/._q1.py", "");
        write("__MACOSX/q1.py", "junk");
        write(".ipynb_checkpoints/q1.py", "old");
        write("work/q1.py", "import numpy");
        try (Submission s = SubmissionLoader.open(dir)) {
            assertEquals(dir.resolve("work/q1.py"), s.pythonQ1().file().orElseThrow());
        }
    }
}
