package edu.mlcourse.hw5.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hw5.LinearGrads;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Splitting and stitching, checked with functions whose output shows which slice they saw. */
class WorkersTest {
    private static double[][] matrix(int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                m[i][j] = 100 * i + j;
            }
        }
        return m;
    }

    @Test
    void byRowsGivesEveryRowToExactlyOneCallAndKeepsTheOrder() {
        double[][] x = matrix(10, 3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Workers workers = Workers.create(3)) {
            double[][] out = workers.byRows(x, Long.MAX_VALUE, rows -> {
                threads.add(Thread.currentThread().getName());
                double[][] doubled = new double[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    doubled[i] = Arrays.stream(rows[i]).map(v -> 2 * v).toArray();
                }
                return doubled;
            });
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(Arrays.stream(x[i]).map(v -> 2 * v).toArray(), out[i]);
            }
        }
        assertEquals(2, threads.size(), "the calling thread and two pool threads share the work");
    }

    @Test
    void smallWorkRunsOnTheCallingThreadInOneCall() {
        try (Workers workers = Workers.create(2)) {
            double[][] x = matrix(4, 2);
            assertSame(x, workers.byRows(x, 10, rows -> rows));
        }
    }

    @Test
    void linearBackwardSplitsInputFeaturesAndStitchesTheBlocks() {
        // A stand-in that returns its slices: dX = x, dW = w, db = b. Stitched, they must be whole.
        double[][] x = matrix(3, 7);
        double[][] w = matrix(7, 2);
        double[] b = {1, 2};
        Set<Integer> widths = Collections.synchronizedSet(new java.util.HashSet<>());
        try (Workers workers = Workers.create(2, 1)) {
            LinearGrads grads = workers.linearBackward((dout, xs, ws, bs) -> {
                widths.add(xs[0].length);
                return new LinearGrads(xs, ws, bs);
            }, new double[3][2], x, w, b);
            assertTrue(Arrays.deepEquals(x, grads.dX()));
            assertTrue(Arrays.deepEquals(w, grads.dW()));
            assertArrayEquals(b, grads.db());
        }
        assertEquals(Set.of(3, 4), widths);
    }

    @Test
    void exceptionsOfTheFunctionReachTheCaller() {
        try (Workers workers = Workers.create(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> workers.byRows(matrix(8, 2), Long.MAX_VALUE, rows -> {
                        throw new IllegalArgumentException("bad rows");
                    }));
            assertEquals("bad rows", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Workers.create(0));
    }
}
