package hw5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Small cases worked out by hand, so the reference is not only checked against its own vectors. */
class Q1HandWorkedTest {
    private static final double EPS = 1e-12;

    @Test
    void linearForwardOf2x2() {
        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50], plus b = [1, -1].
        double[][] out = Q1.linearForward(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}},
                new double[] {1, -1});
        assertArrayEquals(new double[] {20, 21}, out[0], EPS);
        assertArrayEquals(new double[] {44, 49}, out[1], EPS);
    }

    @Test
    void linearForwardOfNonSquareShapes() {
        // x is 1×3, w is 3×2: [1 0 2]·[1 2; 3 4; 5 6] = [11 14].
        double[][] out = Q1.linearForward(new double[][] {{1, 0, 2}}, new double[][] {{1, 2}, {3, 4}, {5, 6}},
                new double[] {0, 0.5});
        assertArrayEquals(new double[] {11, 14.5}, out[0], EPS);
    }

    @Test
    void linearBackwardOf2x2() {
        double[][] x = {{1, 2}, {3, 4}};
        double[][] w = {{5, 6}, {7, 8}};
        double[][] dout = {{1, 0}, {0, 2}};
        LinearGrads g = Q1.linearBackward(dout, x, w, new double[] {0, 0});
        // dX = dout·wᵀ = [5 7; 12 16]; dW = xᵀ·dout = [1 6; 2 8]; db = column sums = [1 2].
        assertArrayEquals(new double[] {5, 7}, g.dX()[0], EPS);
        assertArrayEquals(new double[] {12, 16}, g.dX()[1], EPS);
        assertArrayEquals(new double[] {1, 6}, g.dW()[0], EPS);
        assertArrayEquals(new double[] {2, 8}, g.dW()[1], EPS);
        assertArrayEquals(new double[] {1, 2}, g.db(), EPS);
    }

    @Test
    void reluForwardAndBackward() {
        double[][] x = {{-1, 0}, {2, -0.5}};
        assertArrayEquals(new double[] {0, 0}, Q1.reluForward(x)[0], EPS);
        assertArrayEquals(new double[] {2, 0}, Q1.reluForward(x)[1], EPS);
        double[][] dx = Q1.reluBackward(new double[][] {{3, 4}, {5, 6}}, x);
        // The subgradient at exactly 0 is 0.
        assertArrayEquals(new double[] {0, 0}, dx[0], EPS);
        assertArrayEquals(new double[] {5, 0}, dx[1], EPS);
    }

    @Test
    void softmaxOfTwoLogits() {
        // softmax([0, ln 3]) = [1/4, 3/4]; a row of equal logits is uniform.
        double[][] s = Q1.softmaxForward(new double[][] {{0, Math.log(3)}, {5, 5}});
        assertArrayEquals(new double[] {0.25, 0.75}, s[0], EPS);
        assertArrayEquals(new double[] {0.5, 0.5}, s[1], EPS);
    }

    @Test
    void softmaxIsExactForLogitsOfPlusMinus1000() {
        double[][] s = Q1.softmaxForward(new double[][] {{1000, 1000 - Math.log(3)}, {-1000, -1000}});
        assertArrayEquals(new double[] {0.75, 0.25}, s[0], 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5}, s[1], EPS);
        assertEquals(1.0, Q1.softmaxForward(new double[][] {{1000, -1000}})[0][0]);
    }

    @Test
    void softmaxBackwardOfTwoLogits() {
        // s = [1/4, 3/4], dout = [1, 0]: dx = s ⊙ (dout − s·dout) = [1/4·3/4, 3/4·(−1/4)] = [3/16, −3/16].
        double[][] dx = Q1.softmaxBackward(new double[][] {{1, 0}}, new double[][] {{0, Math.log(3)}});
        assertArrayEquals(new double[] {3.0 / 16, -3.0 / 16}, dx[0], EPS);
    }

    @Test
    void functionsLeaveTheirArgumentsUntouched() {
        double[][] x = {{-1, 2}, {3, -4}};
        double[][] w = {{1, 2}, {3, 4}};
        double[] b = {1, 2};
        double[][] dout = {{1, 1}, {1, 1}};
        Q1.linearForward(x, w, b);
        Q1.linearBackward(dout, x, w, b);
        Q1.reluForward(x);
        Q1.reluBackward(dout, x);
        Q1.softmaxForward(x);
        Q1.softmaxBackward(dout, x);
        assertTrue(java.util.Arrays.deepEquals(new double[][] {{-1, 2}, {3, -4}}, x));
        assertTrue(java.util.Arrays.deepEquals(new double[][] {{1, 2}, {3, 4}}, w));
        assertArrayEquals(new double[] {1, 2}, b);
        assertTrue(java.util.Arrays.deepEquals(new double[][] {{1, 1}, {1, 1}}, dout));
    }
}
