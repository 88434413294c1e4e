package edu.mlcourse.hw5.checker.checks;

import org.opentest4j.AssertionFailedError;

/**
 * A check that failed, with a message written for the student. Its stack trace is the grader's,
 * which no student needs, so none is kept.
 */
public final class CheckFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    /** Not serialised: nothing sends a failure over the wire, and the facts are for this JVM's ledger. */
    private final transient FailureFacts facts;

    public CheckFailure(String message) {
        this(message, FailureFacts.NONE);
    }

    public CheckFailure(String message, FailureFacts facts) {
        super(message);
        this.facts = facts;
    }

    /** What the check found besides the message, for the course staff. */
    public FailureFacts facts() {
        return facts == null ? FailureFacts.NONE : facts;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
