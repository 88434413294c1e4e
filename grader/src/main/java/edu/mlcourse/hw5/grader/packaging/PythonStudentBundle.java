package edu.mlcourse.hw5.grader.packaging;

import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.vectors.VectorSet;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What students of the Python edition receive, made from the repository: the template
 * ({@code student-template-python}: {@code q1.py}, the README and the local check {@code check.py}),
 * the public vectors, the held-out images (no labels), and in {@code lib/} what {@code check.py}
 * needs from the grader: the Python worker's modules that bind and call the student's functions
 * and apply the rules on arguments and results, and that load and run a {@code my_model.pt} (in a
 * process of its own), and {@code course.json} ({@link PythonCheckData}).
 * Nothing from the reference solution, the hidden vectors or the held-out labels goes in.
 */
public final class PythonStudentBundle {
    /** The folder inside the zip. */
    public static final String ROOT = "hw5-student-python/";
    static final String TEMPLATE = "student-template-python";
    /**
     * Of the Python worker (worker/src/main/python/hw5_worker): the contract table, the binding and calling rules,
     * the loader that runs a my_model.pt under each input convention (with what it takes from q2.ipynb), and how
     * printing is kept (paths quoted as the student knows them).
     */
    static final List<String> WORKER_MODULES = List.of("__init__.py", "contract.py", "protocol.py", "invoker.py",
            "model.py", "notebook.py", "capture.py");

    private PythonStudentBundle() {
    }

    public static void write(Path repository, Path out) throws IOException {
        Path template = BundleZip.require(repository.resolve(TEMPLATE), "the Python student template");
        Path worker = BundleZip.require(repository.resolve("worker/src/main/python/hw5_worker"), "the Python worker");
        VectorSet publicSet = VectorSetReader.read(BundleZip.require(repository.resolve("test-vectors/public"),
                "the public vectors"));
        VectorSet hiddenSet = VectorSetReader.read(BundleZip.require(repository.resolve("test-vectors/hidden"),
                "the hidden vectors (only their number of cases is used, for the points)"));
        byte[] course = PythonCheckData.json(publicSet, List.of(publicSet, hiddenSet), Rubric.defaults());
        try (BundleZip zip = new BundleZip(out)) {
            zip.addTree(ROOT, template, PythonStudentBundle::isTemplateFile);
            zip.addPublicData(ROOT, repository);
            for (String module : WORKER_MODULES) {
                zip.add(ROOT + "lib/hw5_worker/" + module, BundleZip.require(worker.resolve(module), "the Python worker's "
                        + module), false);
            }
            zip.add(ROOT + "lib/course.json", course);
        }
    }

    /**
     * The template's own files ({@code q1.py}, {@code q2.ipynb}, the README, {@code check.py}): never what
     * packaging adds, nor Python's caches, nor what running the notebook in the template leaves there
     * (its two output files, Jupyter's checkpoints).
     */
    static boolean isTemplateFile(String relative) {
        return !relative.startsWith("lib/") && !relative.startsWith("vectors/") && !relative.startsWith("data/")
                && !relative.contains("__pycache__/") && !relative.endsWith(".pyc")
                && !relative.contains(".ipynb_checkpoints/") && !relative.equals("predictions.npy")
                && !relative.equals("my_model.pt");
    }
}
