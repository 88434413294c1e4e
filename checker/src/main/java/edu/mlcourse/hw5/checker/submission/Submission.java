package edu.mlcourse.hw5.checker.submission;

import edu.mlcourse.hw5.files.Folders;
import edu.mlcourse.hw5.model.ModelFile;
import edu.mlcourse.hw5.predictions.Predictions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
    public static final String TORCH_MODEL = "my_model.pt";

    public Submission {
        files = List.copyOf(files);
    }

    /** {@code Q1.java}, the Java edition's Q1, under any name that means it (see {@link UploadNames}). */
    public FileLookup q1() {
        return findMeant(JAVA_Q1, "submit your hw5/Q1.java.");
    }

    /** {@code q1.py}, the Python edition's Q1, under any name that means it (see {@link UploadNames}). */
    public FileLookup pythonQ1() {
        return findMeant(PYTHON_Q1, "submit your q1.py.");
    }

    /** Every file whose name means {@code exact} ({@code Q1.java}, {@code Q1 (1).java}, ...), sorted. */
    public List<Path> candidatesFor(String exact) {
        return files.stream().filter(f -> UploadNames.means(exact, name(f))).toList();
    }

    /** Every {@code .java} file that may be compiled with Q1 (helpers), except copies of {@code LinearGrads.java} and other copies of Q1. */
    public List<Path> javaSources() {
        Optional<Path> q1 = q1().file();
        return files.stream().filter(f -> name(f).endsWith(".java") && !name(f).equals(LINEAR_GRADS))
                .filter(f -> !UploadNames.means(JAVA_Q1, name(f)) || q1.map(f::equals).orElse(false)).toList();
    }

    /** The student's own {@code LinearGrads.java}, which is never compiled. */
    public Optional<Path> linearGradsCopy() {
        return files.stream().filter(f -> name(f).equals(LINEAR_GRADS)).findFirst();
    }

    /** The Python modules beside {@code q1}, q1 included but not other copies of it: what q1.py may import of the student's own. */
    public List<Path> pythonModulesBeside(Path q1) {
        return files.stream().filter(f -> f.equals(q1) || name(f).endsWith(".py") && q1.getParent().equals(f.getParent())
                && !UploadNames.means(PYTHON_Q1, name(f))).toList();
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

    /** {@code my_model.pt}, the Python edition's model. */
    public FileLookup torchModel() {
        return find(List.of(TORCH_MODEL), TORCH_MODEL + " is not in the submission.");
    }

    /** {@code q2.ipynb}, the Python edition's Q2 notebook. */
    public FileLookup notebook() {
        return find(List.of(Notebook.FILE_NAME), Notebook.FILE_NAME + " is not in the submission.");
    }

    /**
     * The one file with one of {@code names}; or, when there is none or there are several different
     * ones, why, for the student. Identical copies are one file (the shallowest is taken, with a note).
     * A file whose name differs only in case is pointed out, since names are exact.
     */
    public FileLookup find(List<String> names, String whenMissing) {
        List<Path> candidates = files.stream().filter(f -> names.contains(name(f))).toList();
        if (candidates.size() > 1) {
            return choose(candidates, String.join(" / ", names), names.get(0));
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

    /**
     * The file the student meant as {@code exact}, under its name or one their tools give it
     * ({@link UploadNames}): taken with a note when renamed or copied identically; none, with each
     * candidate listed, when there are different ones; "missing" only when no name comes near.
     */
    private FileLookup findMeant(String exact, String whatToDo) {
        List<Path> candidates = candidatesFor(exact);
        if (candidates.isEmpty()) {
            List<String> related = files.stream().filter(f -> UploadNames.looksRelated(exact, name(f)))
                    .map(this::relative).toList();
            return FileLookup.problem(exact + " is missing: " + whatToDo + (related.isEmpty() ? ""
                    : " The submission has " + String.join(", ", related) + ", which the grader cannot use as "
                    + exact + "."));
        }
        FileLookup chosen = candidates.size() == 1 ? FileLookup.found(candidates.get(0)) : choose(candidates, exact, exact);
        return chosen.file().filter(f -> !name(f).equals(exact)).map(f -> {
            List<String> notes = new ArrayList<>(chosen.notes());
            notes.add("Graded " + relative(f) + " as your " + exact + ": the grader looks for the name " + exact
                    + ", and this file's name looks like what a browser, an editor or a file manager made of it."
                    + " Next time, submit it named " + exact + ".");
            return FileLookup.found(f, notes);
        }).orElse(chosen);
    }

    /** Several candidates: identical ones are one file (the best named, shallowest); different ones are listed. */
    private FileLookup choose(List<Path> candidates, String what, String exact) {
        List<Path> ordered = candidates.stream().sorted(Comparator
                .comparing((Path f) -> !name(f).equals(exact))
                .thenComparing(f -> root.relativize(f).getNameCount())
                .thenComparing(f -> relative(f))).toList();
        Path first = ordered.get(0);
        List<String> firstLines = UploadContent.lines(first);
        List<String> others = new ArrayList<>();
        boolean different = false;
        for (Path other : ordered.subList(1, ordered.size())) {
            Optional<UploadContent.Difference> difference = UploadContent.firstDifference(firstLines, UploadContent.lines(other));
            different |= difference.isPresent();
            others.add("  - " + relative(other) + " (" + UploadContent.size(other) + " bytes): "
                    + difference.map(d -> d.describe(relative(first))).orElse("the same as " + relative(first)));
        }
        String names = ordered.stream().map(this::relative).collect(Collectors.joining(", "));
        if (!different) {
            return FileLookup.found(first, List.of("The submission holds " + ordered.size() + " identical copies of "
                    + what + " (" + names + "); graded " + relative(first) + ". Next time, submit one copy."));
        }
        return FileLookup.problem("The submission holds " + ordered.size() + " different files that could be " + what
                + ", and the grader does not guess which one you meant:\n  - " + relative(first) + " ("
                + UploadContent.size(first) + " bytes)\n" + String.join("\n", others) + "\nKeep exactly one"
                + " (named " + exact + ") and submit again.");
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
