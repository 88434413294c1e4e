package edu.mlcourse.hw5.reference.vectors;

import java.util.SplittableRandom;

/**
 * Seeded random inputs, rounded to four decimals so that the JSON stays readable. SplittableRandom
 * is specified down to its bits, so a seed gives the same numbers on every JVM.
 */
final class Sampler {
    private final SplittableRandom random;

    Sampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform(double low, double high) {
        return round4(low + (high - low) * random.nextDouble());
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double[][] matrix(int rows, int columns, double scale) {
        double[][] a = new double[rows][columns];
        for (double[] row : a) {
            for (int j = 0; j < columns; j++) {
                row[j] = uniform(-scale, scale);
            }
        }
        return a;
    }

    double[] vector(int length, double scale) {
        double[] v = new double[length];
        for (int j = 0; j < length; j++) {
            v[j] = uniform(-scale, scale);
        }
        return v;
    }

    /** Entries at least {@code gap} away from 0, so every ReLU subgradient convention agrees. */
    double[][] awayFromZero(int rows, int columns, double scale, double gap) {
        double[][] a = new double[rows][columns];
        for (double[] row : a) {
            for (int j = 0; j < columns; j++) {
                double magnitude = round4(gap + (scale - gap) * random.nextDouble());
                row[j] = random.nextBoolean() ? magnitude : -magnitude;
            }
        }
        return a;
    }

    /** {@code offset + uniform(-1, 1)} entries: large values that differ in their last digits. */
    double[][] nearOffset(int rows, int columns, double offset) {
        return nearOffset(rows, columns, offset, 1.0);
    }

    /** {@code offset + uniform(-spread, spread)} entries. */
    double[][] nearOffset(int rows, int columns, double offset, double spread) {
        double[][] a = matrix(rows, columns, spread);
        for (double[] row : a) {
            for (int j = 0; j < columns; j++) {
                row[j] += offset;
            }
        }
        return a;
    }

    /** Entries of either sign and magnitude 1e39 to 1e40: beyond float's largest value, about 3.4e38. */
    double[][] beyondFloat(int rows, int columns) {
        double[][] a = new double[rows][columns];
        for (double[] row : a) {
            for (int j = 0; j < columns; j++) {
                double magnitude = uniform(1, 10) * 1e39;
                row[j] = random.nextBoolean() ? magnitude : -magnitude;
            }
        }
        return a;
    }

    /** Sets about a quarter of the entries (at least one) to exactly 0.0. */
    double[][] withZeros(double[][] a) {
        int count = Math.max(1, a.length * a[0].length / 4);
        for (int c = 0; c < count; c++) {
            a[random.nextInt(a.length)][random.nextInt(a[0].length)] = 0.0;
        }
        return a;
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
