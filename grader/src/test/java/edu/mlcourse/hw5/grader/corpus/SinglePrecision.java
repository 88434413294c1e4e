package edu.mlcourse.hw5.grader.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.report.GradeReport;
import edu.mlcourse.hw5.checker.report.TestResult;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single-precision policy as both corpora check it: code computing in float (float32) loses
 * points in every function on its precision case, for that named reason, and each backward's
 * gradient points follow its own cases, since finite differences of its forward are noise; the
 * hint and that message are given to no other entry.
 */
public final class SinglePrecision {
    /** What an entry's {@code hint:} line says when it computes in single precision. */
    public static final String HINT = "(single precision)";
    private static final String DIGITS = "about 7 significant digits";
    private static final Pattern FOLLOWED = Pattern.compile("own vector cases instead: (\\d+) of (\\d+) passed");

    private SinglePrecision() {
    }

    public static boolean computesInSinglePrecision(List<String> hints) {
        return hints.stream().anyMatch(h -> h.contains(HINT));
    }

    public static void assertJudged(String entry, GradeReport report, boolean singlePrecision) {
        List<TestResult> q1 = report.tests().stream().filter(t -> t.name().startsWith("Q1 ")).toList();
        if (!singlePrecision) {
            for (TestResult test : q1) {
                assertFalse(test.output().contains(DIGITS), () -> entry + " does not compute in single precision, yet "
                        + test.name() + " says so:\n" + test.output());
            }
            return;
        }
        for (TestResult test : q1) {
            String output = test.output();
            assertTrue(test.score() < test.maxScore(), () -> entry + ": " + test.name() + " should lose points");
            if (test.name().endsWith("gradient check")) {
                assertTrue(output.contains(DIGITS) && output.contains("the gradient check cannot judge")
                        && output.contains("its points follow its own cases"), () -> entry + ", " + test.name()
                        + " should say its forward is too imprecise to judge it:\n" + output);
                Matcher followed = FOLLOWED.matcher(output);
                assertTrue(followed.find(), output);
                double share = Double.parseDouble(followed.group(1)) / Double.parseDouble(followed.group(2));
                assertTrue(share > 0, output);
                assertEquals(test.maxScore() * share, test.score(), 1e-4, () -> entry + ": " + test.name()
                        + " should follow its own cases");
            } else {
                assertTrue(output.contains("_precision\"") || output.contains("_beyond_float\""),
                        () -> entry + ", " + test.name() + " should fail its precision case:\n" + output);
                assertTrue(output.lines().filter(l -> l.contains("Likely mistake: ")).allMatch(l -> l.contains(DIGITS)),
                        () -> entry + ", " + test.name() + " should name single precision for every failure:\n" + output);
                assertFalse(output.contains("No common mistake"), output);
            }
        }
    }
}
