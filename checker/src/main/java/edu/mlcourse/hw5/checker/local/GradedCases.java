package edu.mlcourse.hw5.checker.local;

import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.checker.scoring.Rubric;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.json.Json;
import edu.mlcourse.hw5.vectors.VectorSet;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many cases of each function the public set holds and how many the grader grades (public and
 * hidden). The grader shares a function's output points among all the cases it grades, so a public
 * case is worth {@code outputs / graded}; the local checks give it exactly that, and their total is
 * the public checks' share of Q1's points, the same as the grader's lines of the same names
 * ({@code check.py} does the same from its {@code course.json}).
 *
 * <p>The student project holds the counts in {@value #FILE} beside {@code vectors/public} (written
 * with the bundle); the course's repository has the hidden vectors there instead, which are counted.
 *
 * @param publicCases function's method name to its public cases
 * @param gradedCases function's method name to the cases the grader grades
 */
public record GradedCases(String format, Map<String, Integer> publicCases, Map<String, Integer> gradedCases) {
    public static final String FORMAT = "hw5-graded-cases/1";
    /** The file's name, beside the public vectors' folder ({@code vectors/graded-cases.json}). */
    public static final String FILE = "graded-cases.json";

    /** The counts of the sets the grader grades, the public one first. */
    public static GradedCases of(VectorSet publicSet, List<VectorSet> graded) {
        Map<String, Integer> shown = new LinkedHashMap<>();
        Map<String, Integer> all = new LinkedHashMap<>();
        for (Q1Function function : Q1Function.values()) {
            shown.put(function.methodName(), publicSet.casesOf(function).size());
            all.put(function.methodName(), graded.stream().mapToInt(set -> set.casesOf(function).size()).sum());
        }
        return new GradedCases(FORMAT, shown, all);
    }

    /** The file's bytes, as the student bundle holds it. */
    public byte[] json() throws IOException {
        return Json.prettyFileBytes(this);
    }

    /**
     * The counts for the public vectors in {@code publicFolder}: from {@value #FILE} beside it, else
     * from the hidden vectors beside it.
     */
    public static GradedCases beside(Path publicFolder) {
        Path parent = publicFolder.toAbsolutePath().normalize().getParent();
        Path file = parent.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                GradedCases counts = Json.mapper().readValue(file.toFile(), GradedCases.class);
                counts.check(file);
                return counts;
            } catch (IOException e) {
                throw new CourseDataException(file + " cannot be read (" + Json.describe(e) + "). It comes with the"
                        + " project you received: unzip it again if it is damaged.", e);
            }
        }
        Path hidden = parent.resolve("hidden");
        if (Files.isRegularFile(hidden.resolve("manifest.json"))) {
            VectorSet publicSet = VectorSetReader.read(publicFolder);
            return of(publicSet, List.of(publicSet, VectorSetReader.read(hidden)));
        }
        throw new CourseDataException(file + " is missing: it says how many cases the grader grades, which sets what"
                + " each public case is worth. It comes with the project you received, beside vectors/public: unzip"
                + " it again, or check from inside it.");
    }

    /**
     * {@code rubric} with each function's output points cut to its public cases' share, so that the
     * public set alone, graded with it, earns what it earns in the grader.
     */
    public Rubric publicShare(Rubric rubric) {
        Map<String, Rubric.FunctionPoints> points = new LinkedHashMap<>();
        for (Q1Function function : Q1Function.values()) {
            Rubric.FunctionPoints full = rubric.pointsOf(function);
            String name = function.methodName();
            points.put(name, new Rubric.FunctionPoints(full.outputs() * publicCases.get(name) / gradedCases.get(name),
                    full.gradient()));
        }
        return new Rubric(rubric.format(), points, rubric.heldout(), rubric.visibility(), rubric.edition(),
                rubric.similarity());
    }

    private void check(Path file) {
        for (Q1Function function : Q1Function.values()) {
            Integer shown = publicCases == null ? null : publicCases.get(function.methodName());
            Integer all = gradedCases == null ? null : gradedCases.get(function.methodName());
            if (!FORMAT.equals(format) || shown == null || all == null || shown < 1 || all < shown) {
                throw new CourseDataException(file + " is damaged (no valid counts for " + function.methodName()
                        + "). It comes with the project you received: unzip it again.");
            }
        }
    }
}
