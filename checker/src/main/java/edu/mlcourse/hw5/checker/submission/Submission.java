package edu.mlcourse.hw5.checker.submission;

import edu.mlcourse.hw5.files.Folders;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.predictions.Predictions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A submission opened for grading: its files, found by name wherever they are. Close it to remove
 * the temporary folder a zip was unpacked into.
 *
 * @param origin the folder or zip as given
 * @param root the folder holding the files (a temporary one for a zip)
 * @param files every file of the submission that may be graded, sorted (build and editor folders left out)
 * @param temporary whether {@code root} is a temporary folder to remove on close
 */
public record Submission(Path origin, Path root, List<Path> files, boolean temporary) implements AutoCloseable {
    public static final String JAVA_Q1 = "Q1.java";
    public static final String PYTHON_Q1 = "q1.py";
    public static final String LINEAR_GRADS = "LinearGrads.java";

    public Submission {
        files = List.copyOf(files);
    }

    /** {@code Q1.java}, the Java edition's Q1. */
    public FileLookup q1() {
        return find(List.of(JAVA_Q1), JAVA_Q1 + " is missing: submit your hw5/Q1.java.");
    }

    /** {@code q1.py}, the Python edition's Q1. */
    public FileLookup pythonQ1() {
        return find(List.of(PYTHON_Q1), PYTHON_Q1 + " is missing: submit your q1.py.");
    }

    /** Every {@code .java} file that may be compiled with Q1 (helpers), except copies of {@code LinearGrads.java}. */
    public List<Path> javaSources() {
        return files.stream().filter(f -> name(f).endsWith(".java") && !name(f).equals(LINEAR_GRADS)).toList();
    }

    /** The student's own {@code LinearGrads.java}, which is never compiled. */
    public Optional<Path> linearGradsCopy() {
        return files.stream().filter(f -> name(f).equals(LINEAR_GRADS)).findFirst();
    }

    /** The Python modules beside {@code q1}, q1.py included: what q1.py may import of the student's own. */
    public List<Path> pythonModulesBeside(Path q1) {
        return files.stream().filter(f -> name(f).endsWith(".py") && q1.getParent().equals(f.getParent())).toList();
    }

    /** {@code predictions.npy}, {@code .csv} or {@code .json}. */
    public FileLookup predictions() {
        return find(Predictions.FILE_NAMES,
                "No predictions file: Q2 needs predictions.npy (or predictions.csv / predictions.json).");
    }

    /** {@code my_model.json}. */
    public FileLookup model() {
        return find(List.of(ModelFile.FILE_NAME), ModelFile.FILE_NAME + " is not in the submission.");
    }

    /**
     * The one file with one of {@code names}; or, when there is none or there are several, why, for
     * the student. A file whose name differs only in case is pointed out, since names are exact.
     */
    public FileLookup find(List<String> names, String whenMissing) {
        List<Path> candidates = files.stream().filter(f -> names.contains(name(f))).toList();
        if (candidates.size() > 1) {
            return FileLookup.problem("The submission holds " + candidates.size() + " candidates for "
                    + String.join(" / ", names) + ": "
                    + candidates.stream().map(this::relative).collect(Collectors.joining(", "))
                    + ". Keep exactly one, so it is clear which one to grade.");
        }
        if (candidates.isEmpty()) {
            Optional<Path> misnamed = files.stream().filter(f -> names.stream().anyMatch(n -> n.equalsIgnoreCase(name(f))))
                    .findFirst();
            return FileLookup.problem(misnamed.map(f -> whenMissing + " The submission has " + relative(f)
                    + ", but names are exact: rename it to " + names.stream().filter(n -> n.equalsIgnoreCase(name(f)))
                    .findFirst().orElseThrow() + ".").orElse(whenMissing));
        }
        return FileLookup.found(candidates.get(0));
    }

    /** Path of a file relative to the submission, as students know it. */
    public String relative(Path file) {
        return root.relativize(file).toString();
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try {
            Folders.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the temporary folder " + root, e);
        }
    }
}
