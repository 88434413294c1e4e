package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * The student's {@code hw5.Q1} as the checks see it: functions to call, each call ending in an
 * {@link Outcome}, whatever the student code does. Implementations never throw for anything the
 * student does and never hand the student code more than the arguments.
 */
public interface Q1Runner extends AutoCloseable {
    /** Why {@code function} cannot be called at all (missing method, class that failed to load), if so. */
    Optional<String> unavailable(Q1Function function);

    /**
     * Calls {@code function} once per argument list, in order. One batch shares one time limit; a
     * batch is one vector case or one gradient check's evaluations.
     */
    List<Outcome> call(Q1Function function, List<Object[]> argumentLists);

    /**
     * Why the grader itself could not run the student code (a JVM that would not start), if so: the
     * grading then failed, whatever the checks say.
     */
    default Optional<String> graderFailure() {
        return Optional.empty();
    }

    /** Everything the student code printed so far, truncated, and what the runner wants known. */
    String printedOutput();

    @Override
    void close();
}
