package edu.mlcourse.hw5.invocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvokerTest {
    /** Stands in for a student's Q1 with a mix of right, misnamed and misbehaving methods. */
    public static final class FakeQ1 {
        public static double[][] reluForward(double[][] x) {
            double[][] out = new double[x.length][x[0].length];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x[0].length; j++) {
                    out[i][j] = Math.max(0, x[i][j]);
                }
            }
            return out;
        }

        public static double[][] linear_forward(double[][] x, double[][] w, double[] b) {
            return x;
        }

        public double[][] softmaxForward(double[][] x) {
            return x;
        }

        public static double[][] reluBackward(double[][] dout, double[][] x) {
            dout[1][0] = 42;
            return x;
        }

        public static float[][] softmaxBackward(float[][] dout, float[][] x) {
            return dout;
        }

        public static hw5.LinearGrads linearBackward(double[][] dout, double[][] x, double[][] w, double[] b) {
            return helper(dout);
        }

        private static hw5.LinearGrads helper(double[][] dout) {
            return new hw5.LinearGrads(null, null, dout[5]);
        }
    }

    private final Invoker invoker = Invoker.bind(FakeQ1.class, n -> n.contains("FakeQ1"));

    @Test
    void callsAWellFormedMethodOnCopiesOfTheArguments() {
        double[][] x = {{-1, 2}};
        Outcome outcome = invoker.invoke(Q1Function.RELU_FORWARD, new Object[] {x});
        Outcome.Returned returned = assertInstanceOf(Outcome.Returned.class, outcome);
        assertEquals(2.0, ((double[][]) returned.outputs()[0])[0][1]);
        assertTrue(returned.contractViolations().isEmpty());
    }

    @Test
    void explainsMissingMisnamedNonStaticAndMistypedMethodsQuotingTheSignature() {
        assertTrue(invoker.problem(Q1Function.LINEAR_FORWARD).orElseThrow().contains(
                "found public static double[][] linear_forward(double[][], double[][], double[]) but the grader calls linearForward"));
        assertTrue(invoker.problem(Q1Function.LINEAR_FORWARD).orElseThrow().contains(
                "Expected: public static double[][] linearForward(double[][] x, double[][] w, double[] b)"));
        assertTrue(invoker.problem(Q1Function.SOFTMAX_FORWARD).orElseThrow().contains("is not static"));
        assertTrue(invoker.problem(Q1Function.SOFTMAX_BACKWARD).orElseThrow().contains("has the wrong parameters"));
        assertTrue(invoker.problem(Q1Function.RELU_FORWARD).isEmpty());
        assertInstanceOf(Outcome.Unavailable.class, invoker.invoke(Q1Function.SOFTMAX_FORWARD, new Object[] {new double[][] {{1}}}));
        Invoker empty = Invoker.bind(Object.class, n -> false);
        assertTrue(empty.problem(Q1Function.RELU_BACKWARD).orElseThrow().startsWith("hw5.Q1 has no method reluBackward."));
    }

    @Test
    void namesTheArgumentItModifiedAndTheArgumentItHandedBack() {
        Outcome.Returned returned = assertInstanceOf(Outcome.Returned.class, invoker.invoke(Q1Function.RELU_BACKWARD,
                new Object[] {new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}}}));
        List<String> violations = returned.contractViolations();
        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains("modified its argument dout: dout[1][0] was 3.0, now 42.0"));
        assertTrue(violations.get(1).contains("returned its argument x as dx"));
    }

    @Test
    void reportsAnExceptionWithTheStudentsFramesOnly() {
        Outcome.Threw threw = assertInstanceOf(Outcome.Threw.class, invoker.invoke(Q1Function.LINEAR_BACKWARD,
                new Object[] {new double[][] {{1}}, new double[][] {{1}}, new double[][] {{1}}, new double[] {1}}));
        assertEquals("java.lang.ArrayIndexOutOfBoundsException", threw.exceptionClass());
        assertTrue(threw.frames().get(0).startsWith(FakeQ1.class.getName() + ".helper(InvokerTest.java:"), threw.frames()::toString);
        assertTrue(threw.frames().stream().allMatch(f -> f.contains("FakeQ1")), threw.frames()::toString);
        assertTrue(threw.summary().startsWith("ArrayIndexOutOfBoundsException: Index 5"));
    }

    @Test
    void readsLinearGradsComponentsIncludingNulls() {
        Invoker good = Invoker.bind(FakeQ1.class, n -> true);
        Outcome outcome = good.invoke(Q1Function.LINEAR_BACKWARD, new Object[] {new double[6][1], new double[][] {{1}},
                new double[][] {{1}}, new double[] {1}});
        Outcome.Returned returned = assertInstanceOf(Outcome.Returned.class, outcome);
        assertNull(returned.outputs()[0]);
        assertNull(returned.outputs()[1]);
        assertEquals(1, ((double[]) returned.outputs()[2]).length);
    }
}
