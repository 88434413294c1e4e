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
 * @param similarity when a batch lists two submissions as a pair to look at twice (never a
 *     penalty); may be left out of a rubric file, which then gets the defaults
 */
public record Rubric(String format, Map<String, FunctionPoints> q1, HeldOut heldout, Visibility visibility,
                     String edition, Similarity similarity) {
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

    /**
     * Points for Q2's held-out accuracy, a linear ramp from {@code zeroAt}% to {@code fullAt}%; and,
     * optionally, points for handing in the Python edition's {@code q2.ipynb} as a valid notebook
     * ({@code notebookPoints}, none unless given). {@code unverified} says what an unverified Q2
     * earns (no model file, one that does not run, or one that does not reproduce the predictions):
     * {@value #SCORE_UNVERIFIED} (the default) scores the predictions file and flags it for the
     * staff; {@value #ZERO_UNVERIFIED} gives it no points.
     */
    public record HeldOut(double points, double fullAt, double zeroAt, double notebookPoints, String unverified) {
        public static final String SCORE_UNVERIFIED = "score";
        public static final String ZERO_UNVERIFIED = "zero";

        /** {@code notebookPoints} and {@code unverified} may be left out. */
        @JsonCreator
        static HeldOut of(@JsonProperty("points") double points, @JsonProperty("fullAt") double fullAt,
                          @JsonProperty("zeroAt") double zeroAt, @JsonProperty("notebookPoints") Double notebookPoints,
                          @JsonProperty("unverified") String unverified) {
            return new HeldOut(points, fullAt, zeroAt, notebookPoints == null ? 0 : notebookPoints,
                    unverified == null ? SCORE_UNVERIFIED : unverified);
        }

        /** Whether an unverified Q2 earns the points of its predictions file (flagged), rather than none. */
        public boolean scoresUnverified() {
            return SCORE_UNVERIFIED.equals(unverified);
        }

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

    /**
     * When a batch lists a pair of submissions to look at twice. The README's batch section says how
     * each figure is computed and why the defaults give no pair in a class of independent solutions.
     *
     * @param sameWrongOutputs identical wrong outputs on hidden cases
     * @param predictions held-out errors that agree more than independent errors would
     * @param sources the same code after removing comments and whitespace and renaming identifiers
     */
    public record Similarity(SameWrongOutputs sameWrongOutputs, PredictionErrors predictions, SourceCode sources) {
        /**
         * @param minCases hidden cases on which both returned the very same wrong output
         * @param maxSharedBy an output counts only if at most this many submissions returned it: a
         *     wrong output many share is a common mistake, not a sign of copying
         */
        public record SameWrongOutputs(int minCases, int maxSharedBy) {
        }

        /**
         * @param minSameWrong images both got wrong with the same wrong label
         * @param minShareOfErrors that count as a share of the errors of the one with fewer errors:
         *     independently trained models share many errors (the hard images), a copy nearly all
         * @param minRatio that count over the count independent errors would give, from each one's
         *     accuracy per class and where its errors go (its confusion matrix)
         */
        public record PredictionErrors(int minSameWrong, double minShareOfErrors, double minRatio) {
        }

        /**
         * @param minTokens files shorter than this (a stub, an empty class) are not compared
         * @param maxSharedBy identical files are listed only if some part of them (a method, a
         *     function) is written, normalised, by at most this many submissions: two students who
         *     both wrote the class's most common version of every function copied nothing
         */
        public record SourceCode(int minTokens, int maxSharedBy) {
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
        return q1.values().stream().mapToDouble(p -> p.outputs() + p.gradient()).sum() + heldout.points()
                + heldout.notebookPoints();
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
        if (h.points() < 0 || !(h.fullAt() > h.zeroAt()) || h.zeroAt() < 0 || h.fullAt() > 100 || h.notebookPoints() < 0) {
            throw new CourseDataException(where + ": heldout needs points ≥ 0, notebookPoints ≥ 0 and"
                    + " 0 ≤ zeroAt < fullAt ≤ 100.");
        }
        if (!HeldOut.SCORE_UNVERIFIED.equals(h.unverified()) && !HeldOut.ZERO_UNVERIFIED.equals(h.unverified())) {
            throw new CourseDataException(where + ": heldout.unverified \"" + h.unverified() + "\" is not \""
                    + HeldOut.SCORE_UNVERIFIED + "\" (score the predictions file and flag it, the default) or \""
                    + HeldOut.ZERO_UNVERIFIED + "\" (no points for a Q2 the grader cannot verify).");
        }
        Visibility v = rubric.visibility();
        for (String value : new String[] {v.publicCases(), v.hiddenCases(), v.gradient(), v.heldout()}) {
            if (!GRADESCOPE_VISIBILITIES.contains(value)) {
                throw new CourseDataException(where + ": visibility \"" + value + "\" is not one of " + GRADESCOPE_VISIBILITIES + ".");
            }
        }
        if (rubric.similarity() == null) {
            // Rubrics written before pairs were looked for: the defaults, from the one default file.
            return new Rubric(rubric.format(), rubric.q1(), rubric.heldout(), rubric.visibility(), rubric.edition(),
                    defaults().similarity());
        }
        Similarity s = rubric.similarity();
        if (s.sameWrongOutputs() == null || s.predictions() == null || s.sources() == null) {
            throw new CourseDataException(where + ": similarity needs the sections sameWrongOutputs, predictions and sources.");
        }
        if (s.sameWrongOutputs().minCases() < 1 || s.sameWrongOutputs().maxSharedBy() < 2
                || s.predictions().minSameWrong() < 1 || !(s.predictions().minRatio() >= 1)
                || !(s.predictions().minShareOfErrors() > 0 && s.predictions().minShareOfErrors() <= 1)
                || s.sources().minTokens() < 0 || s.sources().maxSharedBy() < 2) {
            throw new CourseDataException(where + ": similarity needs minCases ≥ 1, maxSharedBy ≥ 2 (in both places),"
                    + " minSameWrong ≥ 1, 0 < minShareOfErrors ≤ 1, minRatio ≥ 1 and minTokens ≥ 0.");
        }
        return rubric;
    }
}
