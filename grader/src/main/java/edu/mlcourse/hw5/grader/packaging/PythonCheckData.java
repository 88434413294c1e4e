package edu.mlcourse.hw5.grader.packaging;

import edu.mlcourse.hw5.checker.checks.GradientSettings;
import edu.mlcourse.hw5.checker.edition.python.PythonDialect;
import edu.mlcourse.hw5.checker.local.GradedCases;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.checker.submission.Submission;
import edu.mlcourse.hw5.checker.submission.UploadNames;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.Mistake;
import edu.mlcourse.hw5.vectors.VectorSet;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lib/course.json} of the Python student bundle: what the students' {@code check.py} takes
 * from the grader's own definitions, written at packaging time so that nothing is copied by hand.
 * The hints of the recorded mistakes ({@link Mistake#pythonHint()}), the formulas and return
 * descriptions the feedback quotes, the texts of the exception hints ({@link PythonDialect}), the
 * tolerances, the gradient check's settings, and the points: a function's output points are
 * shared by all its cases in all the sets the grader uses, so each public case is worth
 * {@code outputs / graded_cases}.
 */
final class PythonCheckData {
    static final String FORMAT = "hw5-python-check/1";

    /** Exceptions whose hint check.py gives by key: a function, an exception type and message that call for it. */
    private record Probe(String key, Q1Function function, String type, String message) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("todo", Q1Function.LINEAR_FORWARD, "NotImplementedError", "TODO: linear_forward"),
            new Probe("shapes_linear", Q1Function.LINEAR_FORWARD, "ValueError", "shapes (2,3) and (2,3) not aligned"),
            new Probe("shapes_other", Q1Function.SOFTMAX_FORWARD, "ValueError", "operands could not be broadcast"),
            new Probe("index", Q1Function.RELU_FORWARD, "IndexError", "index 3 is out of bounds"),
            new Probe("exit", Q1Function.RELU_FORWARD, "SystemExit", null),
            new Probe("none", Q1Function.RELU_FORWARD, "TypeError", "'NoneType' object is not subscriptable"),
            new Probe("recursion", Q1Function.RELU_FORWARD, "RecursionError", "maximum recursion depth exceeded"),
            new Probe("memory", Q1Function.RELU_FORWARD, "MemoryError", null));

    private PythonCheckData() {
    }

    /**
     * @param publicSet the vectors the bundle ships
     * @param graded every set the grader grades with by default, the public one included
     */
    static byte[] json(VectorSet publicSet, List<VectorSet> graded, Rubric rubric) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("about", "Written by `grader package student --python` from the grader's own definitions, for"
                + " check.py. Do not edit.");
        root.put("tolerance", Map.of("rtol", Tolerance.NUMPY_DEFAULT.rtol(), "atol", Tolerance.NUMPY_DEFAULT.atol()));
        GradientSettings gradient = GradientSettings.DEFAULT;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("step", gradient.step());
        settings.put("atol", gradient.atol());
        settings.put("rtol", gradient.rtol());
        settings.put("atol_text", String.valueOf(gradient.atol()));
        settings.put("rtol_text", String.valueOf(gradient.rtol()));
        settings.put("trials", gradient.trials());
        settings.put("seed", gradient.seed());
        root.put("gradient", settings);
        Map<String, Object> functions = new LinkedHashMap<>();
        GradedCases counts = GradedCases.of(publicSet, graded);
        for (Q1Function function : Q1Function.values()) {
            Rubric.FunctionPoints points = rubric.pointsOf(function);
            int cases = counts.gradedCases().get(function.methodName());
            if (counts.publicCases().get(function.methodName()) > cases) {
                throw new IllegalArgumentException("the graded sets must include the public one");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("java", function.methodName());
            entry.put("formula", function.formula());
            entry.put("returns", PythonDialect.INSTANCE.returns(function));
            entry.put("points", Map.of("outputs", points.outputs(), "gradient", points.gradient(),
                    "graded_cases", cases));
            functions.put(function.pythonName(), entry);
        }
        root.put("functions", functions);
        Map<String, Object> mistakes = new LinkedHashMap<>();
        for (Mistake mistake : Mistake.values()) {
            mistakes.put(mistake.id(), Map.of("function", mistake.function().pythonName(), "hint", mistake.pythonHint()));
        }
        root.put("mistakes", mistakes);
        root.put("exception_hints", exceptionHints());
        root.put("uploads", Map.of("regex", UploadNames.regex(Submission.PYTHON_Q1),
                "skipped_folders", UploadNames.SKIPPED_FOLDERS));
        return Json.prettyFileBytes(root);
    }

    /** The grader's own hint for each probe; a probe that no longer gets exactly one is a mistake here. */
    static Map<String, String> exceptionHints() {
        Map<String, String> hints = new LinkedHashMap<>();
        for (Probe probe : PROBES) {
            List<String> found = PythonDialect.INSTANCE.exceptionHints(probe.function(),
                    new Outcome.Threw(probe.type(), probe.message(), List.of(), false));
            if (found.size() != 1) {
                throw new IllegalStateException("PythonDialect gives " + found.size() + " hints for " + probe
                        + ": update PythonCheckData and check.py's exception_hints together with it");
            }
            hints.put(probe.key(), found.get(0));
        }
        return hints;
    }
}
