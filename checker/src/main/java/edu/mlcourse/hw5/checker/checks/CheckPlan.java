package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.vectors.VectorCase;
import edu.mlcourse.hw5.vectors.VectorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Which checks a context calls for and the JUnit tests that run them: for every function, one
 * test per vector case of every set, and for backward functions one per gradient trial.
 */
public final class CheckPlan {
    private CheckPlan() {
    }

    /** Every check the context calls for, in the order they run. */
    public static List<CheckId> planned(GradingContext context) {
        return planned(context.sets(), context.gradient());
    }

    /** Every check that vector sets and gradient settings call for. */
    public static List<CheckId> planned(List<VectorSet> sets, GradientSettings gradient) {
        List<CheckId> ids = new ArrayList<>();
        for (Q1Function function : Q1Function.values()) {
            for (VectorSet set : sets) {
                for (VectorCase c : set.casesOf(function)) {
                    ids.add(new CheckId(function, CheckId.Kind.OUTPUTS, set.name(), c.name()));
                }
            }
            if (function.isBackward()) {
                for (int trial = 1; trial <= gradient.trials(); trial++) {
                    ids.add(new CheckId(function, CheckId.Kind.GRADIENT, CheckId.GRADIENT_SET, "trial-" + trial));
                }
            }
        }
        return ids;
    }

    /** The checks as dynamic tests; each test's source URI is its {@link CheckId}. */
    public static Stream<DynamicNode> nodes(GradingContext context) {
        Dialect dialect = context.dialect();
        return Stream.of(Q1Function.values()).map(function -> {
            String name = dialect.name(function);
            List<DynamicNode> groups = new ArrayList<>();
            for (VectorSet set : context.sets()) {
                groups.add(DynamicContainer.dynamicContainer(set.name() + " cases", set.casesOf(function).stream()
                        .map(c -> DynamicTest.dynamicTest(name + " " + set.name() + " case " + c.name()
                                        + (c.description().isEmpty() ? "" : ": " + c.description()),
                                new CheckId(function, CheckId.Kind.OUTPUTS, set.name(), c.name()).toUri(),
                                () -> OutputCheck.run(context.runner(), function, set.name(), c, context.tolerance(),
                                        dialect)))));
            }
            if (function.isBackward()) {
                List<DynamicNode> trials = new ArrayList<>();
                for (int number = 1; number <= context.gradient().trials(); number++) {
                    GradientCheck.Trial trial = GradientCheck.trial(function, number, context.gradient());
                    trials.add(DynamicTest.dynamicTest(name + " gradient trial " + number + ": "
                                    + trial.description(dialect),
                            new CheckId(function, CheckId.Kind.GRADIENT, CheckId.GRADIENT_SET, "trial-" + number).toUri(),
                            () -> GradientCheck.run(context.runner(), function, trial, context.gradient(), dialect)));
                }
                groups.add(DynamicContainer.dynamicContainer("gradient check", trials));
            }
            return DynamicContainer.dynamicContainer(name, groups);
        });
    }
}
