package edu.mlcourse.hw5.checker.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.mlcourse.hw5.CourseDataException;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Where the points are: a JSON file ({@code default-rubric.json} holds the defaults, totalling
 * 100). Q1 gives each function points for outputs (earned per vector case passed) and, for
 * backward functions, for the gradient check (per trial passed); the held-out accuracy earns
 * full points at {@code fullAt}% and falls linearly to zero at {@code zeroAt}%.
 *
 * @param format always {@link #FORMAT}
 * @param q1 method name to its points
 * @param heldout Q2's points
 * @param visibility Gradescope visibility of each kind of test
 * @param edition which edition of Q1 the course grades: {@code "java"}, {@code "python"}, or
 *     {@code "either"} (the default, when left out): whichever the submission holds
 */
public record Rubric(String format, Map<String, FunctionPoints> q1, HeldOut heldout, Visibility visibility,
                     String edition) {
    public static final String FORMAT = "hw5-rubric/1";
    private static final Set<String> GRADESCOPE_VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

    /** @param outputs points for matching the vectors; @param gradient points for the gradient check */
    public record FunctionPoints(double outputs, double gradient) {
        /** {@code gradient} may be left out: forward functions have none. */
        @JsonCreator
        static FunctionPoints of(@JsonProperty("outputs") Double outputs, @JsonProperty("gradient") Double gradient) {
            return new FunctionPoints(outputs == null ? 0 : outputs, gradient == null ? 0 : gradient);
        }
    }

    /** Points for Q2's held-out accuracy, a linear ramp from {@code zeroAt}% to {@code fullAt}%. */
    public record HeldOut(double points, double fullAt, double zeroAt) {
        /** Points for an accuracy in percent. */
        public double pointsFor(double accuracyPercent) {
            if (accuracyPercent >= fullAt) {
                return points;
            }
            if (accuracyPercent <= zeroAt) {
                return 0;
            }
            return points * (accuracyPercent - zeroAt) / (fullAt - zeroAt);
        }
    }

    /** Gradescope visibility ({@code visible}, {@code after_due_date}, ...) of each kind of test. */
    public record Visibility(@JsonProperty("public") String publicCases, @JsonProperty("hidden") String hiddenCases,
                             String gradient, String heldout) {
        public String ofSet(String set) {
            return "hidden".equals(set) ? hiddenCases : publicCases;
        }
    }

    public static Rubric defaults() {
        try (InputStream in = Rubric.class.getResourceAsStream("default-rubric.json")) {
            if (in == null) {
                throw new IllegalStateException("the default rubric is missing from the grader");
            }
            return validated(Json.mapper().readValue(in, Rubric.class), "the default rubric");
        } catch (IOException e) {
            throw new IllegalStateException("the default rubric is invalid: " + Json.describe(e), e);
        }
    }

    public static Rubric load(Path file) {
        try {
            return validated(Json.mapper().readValue(file.toFile(), Rubric.class), file.toString());
        } catch (IOException e) {
            throw new CourseDataException("Cannot read the rubric " + file + ": " + Json.describe(e)
                    + ". Start from the default, which `grader rubric` prints.", e);
        }
    }

    /** The editions a rubric may pin. */
    public static final Set<String> EDITIONS = Set.of("either", "java", "python");

    /** {@link #edition()}, {@code "either"} when left out. */
    public String editionOrDefault() {
        return edition == null ? "either" : edition;
    }

    public FunctionPoints pointsOf(Q1Function function) {
        return q1.get(function.methodName());
    }

    public double total() {
        return q1.values().stream().mapToDouble(p -> p.outputs() + p.gradient()).sum() + heldout.points();
    }

    private static Rubric validated(Rubric rubric, String where) {
        if (!FORMAT.equals(rubric.format()) || rubric.q1() == null || rubric.heldout() == null || rubric.visibility() == null) {
            throw new CourseDataException(where + " must have \"format\": \"" + FORMAT + "\" and the sections q1, heldout and visibility.");
        }
        for (Q1Function function : Q1Function.values()) {
            FunctionPoints points = rubric.q1().get(function.methodName());
            if (points == null) {
                throw new CourseDataException(where + ": q1 has no entry for " + function.methodName() + " (give 0 points to skip it).");
            }
            if (points.outputs() < 0 || points.gradient() < 0) {
                throw new CourseDataException(where + ": points for " + function.methodName() + " must not be negative.");
            }
            if (!function.isBackward() && points.gradient() != 0) {
                throw new CourseDataException(where + ": " + function.methodName()
                        + " is a forward function; only backward functions have gradient points.");
            }
        }
        for (String name : rubric.q1().keySet()) {
            if (Q1Function.byMethodName(name).isEmpty()) {
                throw new CourseDataException(where + ": q1 lists an unknown function \"" + name + "\".");
            }
        }
        if (!EDITIONS.contains(rubric.editionOrDefault())) {
            throw new CourseDataException(where + ": edition \"" + rubric.edition() + "\" is not one of " + EDITIONS
                    + " (leave it out to grade whichever edition a submission holds).");
        }
        HeldOut h = rubric.heldout();
        if (h.points() < 0 || !(h.fullAt() > h.zeroAt()) || h.zeroAt() < 0 || h.fullAt() > 100) {
            throw new CourseDataException(where + ": heldout needs points ≥ 0 and 0 ≤ zeroAt < fullAt ≤ 100.");
        }
        Visibility v = rubric.visibility();
        for (String value : new String[] {v.publicCases(), v.hiddenCases(), v.gradient(), v.heldout()}) {
            if (!GRADESCOPE_VISIBILITIES.contains(value)) {
                throw new CourseDataException(where + ": visibility \"" + value + "\" is not one of " + GRADESCOPE_VISIBILITIES + ".");
            }
        }
        return rubric;
    }
}
