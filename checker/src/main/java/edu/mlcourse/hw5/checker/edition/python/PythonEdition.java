package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.checks.Dialect;
import edu.mlcourse.hw5.checker.edition.Q1Edition;
import edu.mlcourse.hw5.checker.sandbox.WorkerProgram;
import edu.mlcourse.hw5.checker.submission.FileLookup;
import edu.mlcourse.hw5.checker.submission.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Python edition, the homework as first written: {@code q1.py} and the modules beside it,
 * imported by the Python worker. Syntax errors and failing imports are reported by the worker, as
 * they happen, with Python's own words.
 */
public final class PythonEdition implements Q1Edition {
    /** More source than any Q1 needs; a submission beyond it scores zero with the reason. */
    static final long MAX_SOURCE_BYTES = 2L * 1024 * 1024;

    @Override
    public String name() {
        return "Python";
    }

    @Override
    public String rubricName() {
        return "python";
    }

    @Override
    public String modelFile() {
        return Submission.TORCH_MODEL;
    }

    @Override
    public String howToSubmitModel() {
        return "run the last cells of q2.ipynb, which save my_model.pt and predictions.npy from the same model, and submit"
                + " both with q2.ipynb";
    }

    @Override
    public FileLookup q1(Submission submission) {
        return submission.pythonQ1();
    }

    @Override
    public Dialect dialect() {
        return PythonDialect.INSTANCE;
    }

    @Override
    public Prepared prepare(Submission submission, Path q1) {
        List<Path> modules = submission.pythonModulesBeside(q1);
        Map<String, byte[]> code = new LinkedHashMap<>();
        long total = 0;
        try {
            for (Path module : modules) {
                total += Files.size(module);
                if (total > MAX_SOURCE_BYTES) {
                    return Prepared.zero("The Python files beside q1.py hold more than " + MAX_SOURCE_BYTES / 1024
                            + " KB of source; submit q1.py and the modules it imports only. Q1 scores zero.");
                }
                // The file meant as q1.py (Q1.py, "q1 (1).py") is imported as q1.
                code.put(module.equals(q1) ? Submission.PYTHON_Q1 : module.getFileName().toString(), Files.readAllBytes(module));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the submission's Python files", e);
        }
        return new Prepared(code, List.of("Q1 loaded: " + String.join(", ", code.keySet()) + "."), Optional.empty());
    }

    @Override
    public Optional<WorkerProgram> worker() {
        return PythonInterpreter.find().map(PythonWorker::new);
    }

    @Override
    public String unavailable() {
        return "Python submissions cannot be graded on this machine: " + PythonInterpreter.problem();
    }
}
