package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Describes, for a student, a call that did not return normally. */
final class Outcomes {
    private Outcomes() {
    }

    /** What happened, with the likely cause where one is known; never used for a normal return. */
    static List<String> describe(Q1Function function, Outcome outcome, Dialect dialect) {
        List<String> lines = new ArrayList<>();
        String name = dialect.name(function);
        if (outcome instanceof Outcome.Threw t) {
            lines.add(name + " " + dialect.threw() + " " + t.summary()
                    + dialect.frames(t.frames()));
            dialect.exceptionHints(function, t).forEach(h -> lines.add("Likely cause: " + h));
        } else if (outcome instanceof Outcome.Unavailable u) {
            lines.add(u.reason());
        } else if (outcome instanceof Outcome.TimedOut t && t.waiting()) {
            lines.add(name + " did not finish within " + t.millis() / 1000.0
                    + " s and spent most of it waiting, not computing: a sleep, a deadlock, or a wait that never ends.");
        } else if (outcome instanceof Outcome.TimedOut t) {
            lines.add(name + " did not finish within " + t.millis() / 1000.0
                    + " s of computing: an endless loop, or far too much work for these small inputs.");
        } else if (outcome instanceof Outcome.Crashed c) {
            lines.add(c.description());
        } else if (outcome instanceof Outcome.Rejected r) {
            lines.add(name + " returned something the grader cannot use: " + r.reason() + ".");
        } else if (outcome instanceof Outcome.Returned r && r.outputs() == null) {
            lines.add(name + " returned " + dialect.none() + "; it must return " + dialect.returns(function) + ".");
        }
        return lines;
    }
}
