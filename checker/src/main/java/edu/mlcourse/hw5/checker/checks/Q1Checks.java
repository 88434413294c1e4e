package edu.mlcourse.hw5.checker.checks;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Q1 checks as JUnit Jupiter tests: one dynamic test per vector case and per gradient trial,
 * grouped by function. Run through the JUnit Platform Launcher by {@code Q1CheckLauncher}.
 */
@ExtendWith(GradingContextResolver.class)
public class Q1Checks {
    @TestFactory
    Stream<DynamicNode> q1(GradingContext context) {
        return CheckPlan.nodes(context);
    }
}
