package edu.mlcourse.hw5.grader.uploads;

import edu.mlcourse.hw5.grader.Repository;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A submission as students really upload it, made from an edition's reference: the file under the
 * name their browser gave it, without its package line, twice, in a zip with {@code __MACOSX}
 * entries, with Windows line endings or a byte-order mark (in Q1's file or in {@code q2.ipynb}). Each
 * says what it deserves: the reference's full Q1 marks with a note, or zero with the reason. The
 * grader, {@code ./check} and {@code check.py} are all held to the same forms.
 *
 * @param name what the form is
 * @param python whether it is the Python edition's
 * @param files relative path to content
 * @param zipped whether it is uploaded as a zip of those files
 * @param graded whether Q1 is graded (full marks) rather than refused (zero)
 * @param said what the notes (graded) or the reason (refused) must contain
 */
record UploadForm(String name, boolean python, Map<String, byte[]> files, boolean zipped, boolean graded,
                  List<String> said) {
    private static final String MACOS_JUNK = "\u0000\u0005\u0016\u0007Mac OS X        ";

    @Override
    public String toString() {
        return name;
    }

    /** The submission: a folder, or the zip of one, below {@code folder}. */
    Path materialise(Path folder) throws IOException {
        if (!zipped) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return folder;
        }
        Files.createDirectories(folder);
        Path zip = folder.resolve("submission.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    static String javaReference() {
        return read(Repository.referenceQ1());
    }

    static String pythonReference() {
        return read(Repository.root().resolve("reference-solution/src/main/python/q1.py"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> layout(String... pathsAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static UploadForm graded(String name, boolean python, Map<String, byte[]> files, String... said) {
        return new UploadForm(name, python, files, false, true, List.of(said));
    }

    private static UploadForm refused(String name, boolean python, Map<String, byte[]> files, String... said) {
        return new UploadForm(name, python, files, false, false, List.of(said));
    }

    private UploadForm asZip() {
        return new UploadForm(name, python, files, true, graded, said);
    }

    private static String windows(String text) {
        return text.replace("\n", "\r\n");
    }

    private static String changedLine(String text) {
        return text.replaceFirst("\n", "\n# my last change\n");
    }

    static String javaWithoutPackage() {
        return javaReference().replace("package hw5;", "");
    }

    /** Leading spaces as tabs, a comment in another script, a byte-order mark and Windows line endings. */
    private static String asWindowsEditorsSaveIt(String text, String comment, UnaryOperator<String> indent) {
        return "\uFEFF" + windows(comment + "\n" + indent.apply(text));
    }

    static List<UploadForm> javaForms() {
        String ref = javaReference();
        return List.of(
                graded("browser's second download", false, layout("Q1 (1).java", ref), "Graded Q1 (1).java as your Q1.java"),
                graded("learning platform's renaming", false, layout("Q1-2.java", ref), "Graded Q1-2.java as your Q1.java"),
                graded("Notepad's .txt", false, layout("Q1.java.txt", ref), "Graded Q1.java.txt as your Q1.java"),
                graded("no package line", false, layout("Q1.java", javaWithoutPackage()),
                        "Q1.java has no `package hw5;` line: it was graded as if it declared `package hw5;`"),
                graded("another package", false, layout("src/Q1.java", ref.replace("package hw5;", "package edu.uni.hw5;")),
                        "src/Q1.java declares `package edu.uni.hw5;` instead of `package hw5;`"),
                graded("renamed and without a package line", false, layout("Q1 (2).java", javaWithoutPackage()),
                        "Graded Q1 (2).java as your Q1.java", "Q1 (2).java has no `package hw5;` line"),
                graded("identical copies", false, layout("Q1.java", ref, "backup/Q1.java", windows(ref)),
                        "2 identical copies of Q1.java (Q1.java, backup/Q1.java); graded Q1.java"),
                refused("different copies", false, layout("Q1.java", ref, "backup/Q1.java", changedLine(ref)),
                        "2 different files that could be Q1.java", "  - Q1.java (", "  - backup/Q1.java (",
                        "first differs at line 2: `# my last change` here"),
                graded("nested folders", false, layout("hw5-alice/q1/src/main/java/hw5/Q1.java", ref)),
                graded("Windows editor: BOM, CRLF, tabs, non-ASCII comment", false,
                        layout("Q1.java", asWindowsEditorsSaveIt(ref, "// Réseau linéaire — 線形層 ✓",
                                t -> t.replace("    ", "\t")))),
                new UploadForm("zip of a folder from macOS", false, layout("hw5/Q1.java", ref, "__MACOSX/hw5/._Q1.java",
                        MACOS_JUNK, "hw5/._Q1.java", MACOS_JUNK, "hw5/.DS_Store", "junk"), true, true, List.of()),
                graded("zip of a renamed file without its package", false, layout("Q1 (1).java", javaWithoutPackage()),
                        "Graded Q1 (1).java as your Q1.java").asZip());
    }

    static List<UploadForm> pythonForms() {
        String ref = pythonReference();
        return List.of(
                graded("Python: browser's second download", true, layout("q1 (1).py", ref), "Graded q1 (1).py as your q1.py"),
                graded("Python: capital Q", true, layout("Q1.py", ref), "Graded Q1.py as your q1.py"),
                graded("Python: Notepad's .txt", true, layout("q1.py.txt", ref), "Graded q1.py.txt as your q1.py"),
                graded("Python: in a subfolder", true, layout("hw5/q1.py", ref)),
                graded("Python: identical copies", true, layout("q1.py", ref, "old/q1.py", windows(ref)),
                        "2 identical copies of q1.py (q1.py, old/q1.py); graded q1.py"),
                refused("Python: different copies", true, layout("q1.py", ref, "q1 (1).py", changedLine(ref)),
                        "2 different files that could be q1.py", "  - q1.py (", "  - q1 (1).py (",
                        "first differs at line 2: `# my last change` here"),
                graded("Python: Windows editor: BOM, CRLF, tabs, non-ASCII comment", true,
                        layout("q1.py", asWindowsEditorsSaveIt(ref, "# Réseau linéaire — 線形層 ✓",
                                t -> t.replace("    ", "\t")))),
                new UploadForm("Python: zip of a folder from macOS", true, layout("hw5/q1.py", ref, "__MACOSX/hw5/._q1.py",
                        MACOS_JUNK, "hw5/._q1.py", MACOS_JUNK, ".ipynb_checkpoints/q1-checkpoint.py", "broken("),
                        true, true, List.of()),
                graded("Python: Jupyter's checkpoint beside", true, layout("q1.py", ref, ".ipynb_checkpoints/q1.py", "old")),
                graded("Python: Windows editor's q2.ipynb: BOM, CRLF", true, withWindowsNotebook(ref)));
    }

    /**
     * The Python example's Q2 files beside {@code q1}: its model (a state_dict, so loading it needs the
     * notebook's class) and predictions, and its notebook as a Windows editor saves it.
     */
    private static Map<String, byte[]> withWindowsNotebook(String q1) {
        Path example = Repository.root().resolve("examples/submissions/python-mistakes");
        Map<String, byte[]> files = layout("q1.py", q1, "q2.ipynb", "\uFEFF" + windows(read(example.resolve("q2.ipynb"))));
        for (String name : List.of("my_model.pt", "predictions.npy")) {
            try {
                files.put(name, Files.readAllBytes(example.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static List<UploadForm> all() {
        return Stream.concat(javaForms().stream(), pythonForms().stream()).toList();
    }

}
