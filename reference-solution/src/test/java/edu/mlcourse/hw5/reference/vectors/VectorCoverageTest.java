package edu.mlcourse.hw5.reference.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.Mistake;
import edu.mlcourse.hw5.vectors.VectorCase;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The coverage the vector sets promise, checked on a generation from an arbitrary seed. */
class VectorCoverageTest {
    private final Map<Q1Function, List<VectorCase>> cases = VectorGenerator.generate(12345L);

    private static int[] shape(Object value) {
        return value instanceof double[][] m ? new int[] {m.length, m[0].length} : new int[] {((double[]) value).length};
    }

    @Test
    void sameSeedSameCasesAndOtherSeedOtherData() {
        Map<Q1Function, List<VectorCase>> again = VectorGenerator.generate(12345L);
        Map<Q1Function, List<VectorCase>> other = VectorGenerator.generate(54321L);
        for (Q1Function f : Q1Function.values()) {
            for (int i = 0; i < cases.get(f).size(); i++) {
                Object x = cases.get(f).get(i).inputs().get("x");
                assertTrue(Arrays.deepEquals(new Object[] {x}, new Object[] {again.get(f).get(i).inputs().get("x")}));
            }
            assertTrue(!Arrays.deepToString((double[][]) cases.get(f).get(3).inputs().get("x"))
                    .equals(Arrays.deepToString((double[][]) other.get(f).get(3).inputs().get("x"))));
        }
    }

    @Test
    void linearCasesIncludeUnitShapesAndShapesWhereATransposeCannotPass() {
        for (Q1Function f : List.of(Q1Function.LINEAR_FORWARD, Q1Function.LINEAR_BACKWARD)) {
            Set<String> shapes = cases.get(f).stream().map(c -> {
                int[] x = shape(c.inputs().get("x"));
                int[] w = shape(c.inputs().get("w"));
                return x[0] + "x" + x[1] + "x" + w[1];
            }).collect(Collectors.toSet());
            assertTrue(shapes.contains("1x1x1"), f + " has N = D = M = 1");
            assertTrue(shapes.stream().anyMatch(s -> s.startsWith("1x")), f + " has N = 1");
            assertTrue(shapes.stream().anyMatch(s -> s.split("x")[1].equals("1")), f + " has D = 1");
            assertTrue(shapes.stream().anyMatch(s -> s.endsWith("x1")), f + " has M = 1");
            assertTrue(shapes.stream().map(s -> s.split("x")).anyMatch(s -> !s[0].equals(s[1]) && !s[1].equals(s[2])
                    && !s[0].equals(s[2])), f + " has N, D, M all different");
        }
    }

    @Test
    void everyFunctionHasThreeCasesOfOneShapeWithDifferentData() {
        for (Q1Function f : Q1Function.values()) {
            Map<String, List<VectorCase>> byShape = new HashMap<>();
            for (VectorCase c : cases.get(f)) {
                byShape.computeIfAbsent(c.inputs().values().stream().map(v -> Arrays.toString(shape(v)))
                        .collect(Collectors.joining()), k -> new java.util.ArrayList<>()).add(c);
            }
            assertTrue(byShape.values().stream().anyMatch(group -> group.size() >= 3
                    && group.stream().map(c -> Arrays.deepToString((double[][]) c.inputs().get("x"))).distinct().count()
                    == group.size()), f.methodName());
        }
    }

    @Test
    void softmaxCasesIncludeK1LogitsNear1000AndEqualLogits() {
        for (Q1Function f : List.of(Q1Function.SOFTMAX_FORWARD, Q1Function.SOFTMAX_BACKWARD)) {
            List<double[][]> xs = cases.get(f).stream().map(c -> (double[][]) c.inputs().get("x")).toList();
            assertTrue(xs.stream().anyMatch(x -> x[0].length == 1), "K = 1");
            assertTrue(xs.stream().anyMatch(x -> x.length == 1), "N = 1");
            assertTrue(xs.stream().flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).anyMatch(v -> v >= 999));
            assertTrue(xs.stream().flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).anyMatch(v -> v <= -999));
            assertTrue(xs.stream().anyMatch(x -> Arrays.stream(x).allMatch(r -> r.length > 1
                    && Arrays.stream(r).allMatch(v -> v == r[0]))), "all-equal logits");
        }
    }

    @Test
    void reluForwardHasExactZerosAndReluBackwardStaysAwayFromTheKink() {
        assertTrue(cases.get(Q1Function.RELU_FORWARD).stream().flatMap(c -> Arrays.stream((double[][]) c.inputs().get("x")))
                .flatMapToDouble(Arrays::stream).anyMatch(v -> v == 0.0));
        for (Q1Function f : List.of(Q1Function.LINEAR_BACKWARD, Q1Function.RELU_BACKWARD)) {
            if (f == Q1Function.RELU_BACKWARD) {
                assertTrue(cases.get(f).stream().flatMap(c -> Arrays.stream((double[][]) c.inputs().get("x")))
                        .flatMapToDouble(Arrays::stream).allMatch(v -> Math.abs(v) >= 1e-3));
            }
        }
    }

    @Test
    void backwardCasesCarryTheUpstreamGradient() {
        for (Q1Function f : Q1Function.values()) {
            for (VectorCase c : cases.get(f)) {
                assertEquals(f.isBackward(), c.inputs().containsKey("dout"), f + " " + c.name());
                assertEquals(f.params().size(), c.inputs().size());
            }
        }
    }

    @Test
    void everyMistakeIsRecordedInSomeCase() {
        for (Mistake mistake : Mistake.values()) {
            assertTrue(cases.get(mistake.function()).stream().anyMatch(c -> c.mistakes().containsKey(mistake.id())),
                    mistake.id());
        }
    }

    /**
     * Every function has a case that code holding its inputs in single precision fails: the reference
     * run on inputs rounded to float is off by more than 3 times numpy's allowance.
     */
    @Test
    void everyFunctionHasACaseThatSinglePrecisionFails() {
        for (Q1Function f : Q1Function.values()) {
            boolean exposed = false;
            for (VectorCase c : cases.get(f)) {
                Map<String, Object> rounded = new java.util.LinkedHashMap<>();
                c.inputs().forEach((name, value) -> rounded.put(name, toFloat(value)));
                Map<String, Object> single = VectorGenerator.evaluate(f, rounded);
                exposed |= c.expected().keySet().stream()
                        .anyMatch(o -> !new Tolerance(3e-5, 3e-8).allClose(c.expected().get(o), single.get(o)));
            }
            assertTrue(exposed, f + " has a case that single precision fails");
        }
    }

    private static Object toFloat(Object value) {
        if (value instanceof double[] v) {
            double[] r = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                r[j] = (float) v[j];
            }
            return r;
        }
        return Arrays.stream((double[][]) value).map(VectorCoverageTest::toFloat).toArray(double[][]::new);
    }
}
