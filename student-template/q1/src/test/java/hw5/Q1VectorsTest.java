package hw5;

import edu.mlcourse.hw5.checker.local.LocalChecks;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs your Q1 against the public test vectors (vectors/public) and checks your backward functions
 * against finite differences of your forward functions: the same checks, with the same messages,
 * as the grader. A failure names the case, the first wrong index, the expected and the actual
 * value, and when it recognises it, the likely mistake.
 *
 * <p>Run: {@code mvn test}. The grader also uses hidden cases you do not see, so passing all of
 * these is necessary but not sufficient.
 */
class Q1VectorsTest {
    @TestFactory
    Stream<DynamicNode> publicVectors() {
        return LocalChecks.publicVectors(Q1.class);
    }
}
