package edu.mlcourse.hw5.checker.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.vectors.VectorCase;
import edu.mlcourse.hw5.vectors.VectorSetReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The single-precision hint is specific: it fires for the expected outputs rounded to float (what
 * float code returns at best), and for none of the classic mistakes the vectors record. (Code that
 * really computes in float or float32 is graded in the grader's corpus.)
 */
class HintsTest {
    private static final Path VECTORS = Path.of("..", "test-vectors");

    @ParameterizedTest
    @ValueSource(strings = {"public", "hidden"})
    void singlePrecisionIsNamedForFloatResultsAndForNoClassicMistake(String set) {
        int precisionCases = 0;
        for (Map.Entry<Q1Function, List<VectorCase>> function : VectorSetReader.read(VECTORS.resolve(set)).cases()
                .entrySet()) {
            Q1Function f = function.getKey();
            for (VectorCase c : function.getValue()) {
                Object[] rounded = f.outputs().stream().map(o -> map(c.expected().get(o.name()), v -> (float) v))
                        .toArray();
                assertTrue(Hints.singlePrecision(f, c, rounded), f + " " + c.name() + ": the expected rounded to float");
                for (Map.Entry<String, Map<String, Object>> mistake : c.mistakes().entrySet()) {
                    Object[] got = f.outputs().stream().map(o -> mistake.getValue()
                            .getOrDefault(o.name(), c.expected().get(o.name()))).toArray();
                    assertFalse(Hints.singlePrecision(f, c, got), f + " " + c.name() + ": " + mistake.getKey());
                }
                if (c.name().endsWith("_precision") || c.name().endsWith("_beyond_float")) {
                    precisionCases++;
                    // Off by a tenth of the expected values: wrong, not imprecise.
                    Object[] wrong = f.outputs().stream().map(o -> map(c.expected().get(o.name()), v -> v * 1.1 + 0.1))
                            .toArray();
                    assertFalse(Hints.singlePrecision(f, c, wrong), f + " " + c.name() + ": off by a tenth");
                }
            }
        }
        assertEquals(Q1Function.values().length, precisionCases, "one precision case per function");
    }

    private static Object map(Object value, DoubleUnaryOperator operator) {
        if (value instanceof double[] v) {
            return Arrays.stream(v).map(operator).toArray();
        }
        return Arrays.stream((double[][]) value).map(row -> map(row, operator)).toArray(double[][]::new);
    }
}
