package hw5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class Q2AdamTest {
    /**
     * β1 = 0.9, β2 = 0.999, ε = 1e-8, learning rate 0.1, one parameter starting at 1 with gradients
     * 2 then −1, and a second parameter whose gradient is always 0.
     *
     * <pre>
     * step 1: m = 0.1·2 = 0.2            v = 0.001·4 = 0.004
     *         m̂ = 0.2 / (1 − 0.9) = 2     v̂ = 0.004 / (1 − 0.999) = 4
     *         p = 1 − 0.1·2 / (√4 + 1e-8) = 1 − 0.0999999995 = 0.9000000005
     * step 2: m = 0.9·0.2 + 0.1·(−1) = 0.08
     *         v = 0.999·0.004 + 0.001·1 = 0.004996
     *         m̂ = 0.08 / (1 − 0.81) = 0.4210526316
     *         v̂ = 0.004996 / (1 − 0.998001) = 2.4992496248, √v̂ = 1.5809015228
     *         p = 0.9000000005 − 0.1·0.4210526316 / 1.5809015228 = 0.9000000005 − 0.0266337038
     *           = 0.8733662967
     * </pre>
     * Without bias correction step 1 would move p by 0.1·0.2/(√0.004) = 0.316, so the test also
     * catches a missing correction. The parameter with zero gradients never moves.
     */
    @Test
    void twoStepsAsComputedByHand() {
        double[] p = {1.0, 5.0};
        Q2.Adam adam = new Q2.Adam(List.of(p), 0.9, 0.999, 1e-8);
        adam.step(List.of(new double[] {2.0, 0.0}), 0.1);
        assertEquals(0.9000000005, p[0], 1e-12);
        assertEquals(5.0, p[1]);
        adam.step(List.of(new double[] {-1.0, 0.0}), 0.1);
        assertEquals(0.8733662967, p[0], 1e-10);
        assertEquals(5.0, p[1]);
    }
}
