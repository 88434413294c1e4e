package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.checker.sandbox.Q1Runner;
import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.numeric.Tolerance;
import edu.mlcourse.hw5.vectors.VectorCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One vector case: call the function on the case's inputs and compare every output with the
 * expected one. A failure names the case, the first bad index, expected and got, and the likely
 * mistake.
 */
final class OutputCheck {
    private OutputCheck() {
    }

    static void run(Q1Runner runner, Q1Function function, String set, VectorCase vectorCase, Tolerance tolerance,
                    Dialect dialect) {
        String name = dialect.name(function);
        Object[] args = function.params().stream().map(p -> vectorCase.inputs().get(p.name())).toArray();
        Outcome outcome = runner.call(function, List.<Object[]>of(args)).get(0);
        List<String> problems = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        if (outcome instanceof Outcome.Returned r && r.outputs() != null) {
            problems.addAll(r.contractViolations().stream().map(v -> name + " breaks the rules: " + v).toList());
            for (int i = 0; i < function.outputs().size(); i++) {
                Param output = function.outputs().get(i);
                Optional<ArrayDiff.Difference> difference = ArrayDiff.compare(dialect.name(output),
                        vectorCase.expected().get(output.name()), r.outputs()[i], tolerance, dialect);
                difference.ifPresent(d -> problems.add(d.message()));
            }
            if (problems.size() > r.contractViolations().size()) {
                hints.addAll(Hints.forWrongOutput(function, vectorCase, r.outputs(), tolerance, dialect));
                if (hints.isEmpty()) {
                    problems.add("No common mistake matches this output. " + name + " must return "
                            + function.formula() + ".");
                }
            }
        } else {
            problems.addAll(Outcomes.describe(function, outcome, dialect));
        }
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(name + ", " + set + " case \"" + vectorCase.name()
                + "\"" + (vectorCase.description().isEmpty() ? "" : " (" + vectorCase.description() + ")") + ":");
        problems.forEach(p -> message.append("\n  ").append(p.replace("\n", "\n  ")));
        hints.forEach(h -> message.append("\n  Likely mistake: ").append(h));
        throw new CheckFailure(message.toString());
    }
}
