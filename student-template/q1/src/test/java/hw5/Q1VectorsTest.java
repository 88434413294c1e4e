package hw5;

import edu.mlcourse.hw5.checker.local.LocalChecks;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Grades your Q1 exactly as {@code ./check} does: the public test vectors, and your backward
 * functions against finite differences of your forward functions, with the grader's time limits.
 * One test per graded line; a failure says in a line or two what lost points (the case, the first
 * wrong index, expected and got, the likely mistake), and the total is printed first.
 * {@code ./check} prints the whole feedback.
 *
 * <p>Run: {@code mvn test} (or {@code mvn test -pl q1} for Q1 alone). The grader also uses hidden
 * cases you do not see, so passing all of these is necessary but not sufficient.
 */
class Q1VectorsTest {
    @TestFactory
    Stream<DynamicNode> publicVectors() {
        return LocalChecks.publicVectors(Q1.class);
    }
}
