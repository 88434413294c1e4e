package edu.mlcourse.hw5.checker.checks;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns JUnit outcomes into ledger entries: each check's test carries its {@link CheckId} as its
 * source URI. A container that fails (the test factory itself) is a grader error, not a student's.
 */
final class LedgerListener implements TestExecutionListener {
    private final CheckLedger ledger;

    public LedgerListener(CheckLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<CheckId> id = checkId(test);
        if (id.isPresent()) {
            String message = result.getThrowable().map(LedgerListener::message).orElse("");
            FailureFacts facts = result.getThrowable().filter(CheckFailure.class::isInstance)
                    .map(t -> ((CheckFailure) t).facts()).orElse(FailureFacts.NONE);
            ledger.record(id.get(), switch (result.getStatus()) {
                case SUCCESSFUL -> CheckLedger.Status.PASSED;
                case ABORTED -> CheckLedger.Status.INCONCLUSIVE;
                case FAILED -> CheckLedger.Status.FAILED;
            }, message, facts);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            ledger.graderError(test.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("failed"));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        checkId(test).ifPresent(id -> ledger.record(id, CheckLedger.Status.NOT_RUN, "Skipped: " + reason));
    }

    private static Optional<CheckId> checkId(TestIdentifier test) {
        return test.getSource().filter(UriSource.class::isInstance).map(s -> ((UriSource) s).getUri())
                .flatMap(CheckId::fromUri);
    }

    private static String message(Throwable thrown) {
        String message = thrown.getMessage();
        return message == null ? thrown.toString() : message;
    }
}
