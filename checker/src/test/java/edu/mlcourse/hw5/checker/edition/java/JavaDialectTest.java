package edu.mlcourse.hw5.checker.edition.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaDialectTest {
    /**
     * The grader compiles Q1 against its own jar, which holds libraries the student JVM does not: such
     * code compiles, then its function throws NoClassDefFoundError. The student is told what to use instead.
     */
    @Test
    void aClassTheStudentJvmLacksIsNamedWithWhatQ1MayUse() {
        List<String> hints = JavaDialect.INSTANCE.exceptionHints(Q1Function.RELU_FORWARD, new Outcome.Threw(
                "java.lang.NoClassDefFoundError", "com/fasterxml/jackson/databind/ObjectMapper", List.of(), false));
        assertEquals(1, hints.size(), hints::toString);
        assertTrue(hints.get(0).startsWith("Your code uses com.fasterxml.jackson.databind.ObjectMapper, which the grader"
                + " does not provide: Q1 may use the JDK and hw5.LinearGrads only"), hints::toString);
    }
}
