package edu.mlcourse.hw5.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomOrderTest {
    @Test
    void isAPermutationOfZeroToNMinusOne() {
        int[] order = RandomOrder.of(1000, new Random(3));
        assertArrayEquals(IntStream.range(0, 1000).toArray(), Arrays.stream(order).sorted().toArray());
        assertFalse(Arrays.equals(IntStream.range(0, 1000).toArray(), order), "not shuffled");
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertArrayEquals(RandomOrder.of(500, new Random(7)), RandomOrder.of(500, new Random(7)));
    }

    @Test
    void handlesEmptyAndSingleton() {
        assertArrayEquals(new int[0], RandomOrder.of(0, new Random(1)));
        assertArrayEquals(new int[] {0}, RandomOrder.of(1, new Random(1)));
    }
}
