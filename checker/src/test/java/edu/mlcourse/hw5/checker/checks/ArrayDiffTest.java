package edu.mlcourse.hw5.checker.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.checker.edition.java.JavaDialect;
import edu.mlcourse.hw5.checker.edition.python.PythonDialect;
import edu.mlcourse.hw5.numeric.Tolerance;
import org.junit.jupiter.api.Test;

class ArrayDiffTest {
    private static final Tolerance NUMPY = Tolerance.NUMPY_DEFAULT;
    private static final Dialect JAVA = JavaDialect.INSTANCE;

    @Test
    void acceptsDifferencesWithinNumpysAllclose() {
        assertTrue(ArrayDiff.compare("out", new double[][] {{1.0, 0.0}}, new double[][] {{1.0 + 9e-6, 9e-9}}, NUMPY, JAVA).isEmpty());
    }

    @Test
    void namesTheFirstBadIndexExpectedGotAndTheLargestError() {
        var d = ArrayDiff.compare("dW", new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2.5}, {3, 40}}, NUMPY, JAVA).orElseThrow();
        assertEquals(ArrayDiff.Kind.VALUES, d.kind());
        assertTrue(d.message().startsWith("dW differs at [0][1]: expected 2, got 2.5"), d.message());
        assertTrue(d.message().contains("2 of 4 entries differ; the largest error is 36 at [1][1]"), d.message());
    }

    @Test
    void showsEnoughDigitsToTellCloseValuesApart() {
        var d = ArrayDiff.compare("db", new double[] {0.12345671}, new double[] {0.12345679}, new Tolerance(1e-9, 0), JAVA)
                .orElseThrow();
        assertTrue(d.message().contains("expected 0.1234567, got 0.1234568"), d.message());
    }

    @Test
    void reportsNullShapeAndNonFiniteBeforeValues() {
        assertEquals(ArrayDiff.Kind.NULL, ArrayDiff.compare("out", new double[][] {{1}}, null, NUMPY, JAVA).orElseThrow().kind());
        var transposed = ArrayDiff.compare("dW", new double[2][3], new double[3][2], NUMPY, JAVA).orElseThrow();
        assertEquals("dW has shape 3×2; expected 2×3: it looks transposed.", transposed.message());
        var ragged = ArrayDiff.compare("out", new double[2][3], new double[][] {{1, 2, 3}, {1}}, NUMPY, JAVA).orElseThrow();
        assertTrue(ragged.message().startsWith("out[1] has 1 entries; expected 3"));
        var nan = ArrayDiff.compare("out", new double[][] {{0.5, 0.5}}, new double[][] {{Double.NaN, 0.5}}, NUMPY, JAVA).orElseThrow();
        assertEquals(ArrayDiff.Kind.NOT_FINITE, nan.kind());
        assertTrue(nan.message().startsWith("out[0][0] is NaN but should be 0.5"));
    }

    @Test
    void speaksNumpyToPythonStudents() {
        var d = ArrayDiff.compare("dw", new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2.5}, {3, 4}}, NUMPY,
                PythonDialect.INSTANCE).orElseThrow();
        assertTrue(d.message().startsWith("dw differs at [0, 1]: expected 2, got 2.5"), d.message());
        var transposed = ArrayDiff.compare("dw", new double[2][3], new double[3][2], NUMPY, PythonDialect.INSTANCE)
                .orElseThrow();
        assertEquals("dw has shape (3, 2); expected (2, 3): it looks transposed.", transposed.message());
        assertEquals("db has shape (1,); expected (2,).", ArrayDiff.compare("db", new double[2], new double[1], NUMPY,
                PythonDialect.INSTANCE).orElseThrow().message());
        assertEquals("out is None.", ArrayDiff.compare("out", new double[][] {{1}}, null, NUMPY, PythonDialect.INSTANCE)
                .orElseThrow().message());
    }
}
