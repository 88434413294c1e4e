package edu.mlcourse.hw5.data;

import java.util.random.RandomGenerator;

/** Random permutations, reproducible from the generator's state. */
public final class RandomOrder {
    private RandomOrder() {
    }

    /**
     * A random order of 0..n−1: Fisher–Yates from the last position down, each swap partner drawn
     * by {@code random.nextInt(i + 1)}. The same generator state gives the same order; callers whose
     * output is committed (the held-out set) depend on exactly this sequence of draws.
     */
    public static int[] of(int n, RandomGenerator random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
