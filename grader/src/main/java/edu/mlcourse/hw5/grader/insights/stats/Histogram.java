package edu.mlcourse.hw5.grader.insights.stats;

import java.util.ArrayList;
import java.util.List;

/** Values counted in {@link #BINS} equal bins: the totals of a batch, the held-out accuracies of a class. */
public final class Histogram {
    /** Bins of a histogram: tenths of the maximum, 10 points each with the default rubric. */
    public static final int BINS = 10;

    private Histogram() {
    }

    /** Values in {@code [from, to)}; the last bin also holds {@code to}. */
    public record Bin(double from, double to, long count) {
    }

    /** {@code values} in {@link #BINS} equal bins from {@code from} to {@code to}; values outside go to the end bins. */
    public static List<Bin> of(double[] values, double from, double to) {
        double width = to > from ? (to - from) / BINS : 1;
        long[] counts = new long[BINS];
        for (double value : values) {
            counts[(int) Math.max(0, Math.min(BINS - 1, Math.floor((value - from) / width)))]++;
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            bins.add(new Bin(from + i * width, from + (i + 1) * width, counts[i]));
        }
        return bins;
    }
}
