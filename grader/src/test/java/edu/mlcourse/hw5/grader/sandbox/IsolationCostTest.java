package edu.mlcourse.hw5.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.sandbox.IsolationChoice;
import edu.mlcourse.hw5.checker.sandbox.RunLimits;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.grader.Repository;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Isolation costs about nothing on top of the one JVM start the design already pays: the reference
 * solution graded with and without the isolation this machine allows, in the same JVM, warm.
 */
class IsolationCostTest {
    @Test
    void theReferenceIsGradedAboutAsFastIsolatedAsNot() {
        Path reference = Repository.referenceQ1().getParent();
        long detectStart = System.nanoTime();
        IsolationChoice isolated = Sandboxes.detected(RunLimits.DEFAULT);
        double detect = (System.nanoTime() - detectStart) / 1e9;
        IsolationChoice unprotected = Sandboxes.atMost(IsolationChoice.Level.NONE, RunLimits.DEFAULT, List.of());
        double[] plain = new double[2];
        double[] guarded = new double[2];
        for (int round = 0; round < 2; round++) {
            plain[round] = fullMarks(reference, unprotected).seconds();
            guarded[round] = fullMarks(reference, isolated).seconds();
        }
        System.out.printf(Locale.ROOT, "ISOLATION COST: reference graded in %.2f s unprotected, %.2f s with %s"
                + " (first round %.2f s / %.2f s; picking the isolation took %.2f s)%n", plain[1], guarded[1],
                isolated.level(), plain[0], guarded[0], detect);
        assertTrue(guarded[1] < plain[1] + 2, () -> "isolated " + guarded[1] + " s, unprotected " + plain[1] + " s");
    }

    private static Graded fullMarks(Path reference, IsolationChoice isolation) {
        Graded graded = Sandboxes.grade(reference, RunLimits.DEFAULT, isolation);
        for (Q1Function function : Q1Function.values()) {
            assertTrue(graded.allPassed(function), graded::describe);
        }
        return graded;
    }
}
