package edu.mlcourse.hw5.checker.checks;

import org.opentest4j.TestAbortedException;

/**
 * A check that could not judge the code it checks, through no fault of that code: the gradient
 * check of a backward function when the forward function, its reference, could not serve (it
 * timed out, crashed or returned something unusable during the check, or computes so imprecisely,
 * in single precision, that its finite differences are noise). JUnit reports it as
 * aborted, not failed, and the scoring does not count it against the backward function.
 */
final class CheckInconclusive extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public CheckInconclusive(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
