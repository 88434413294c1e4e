package edu.mlcourse.hw5.checker.checks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of every planned check. Checks start as {@link Status#NOT_RUN}, so that a grading
 * run cut short still leaves a complete record, and "not run" is never mistaken for "passed".
 */
public final class CheckLedger {
    /**
     * How a check ended: passed, failed, not run, or inconclusive (it could not judge the code it
     * checks, through no fault of that code; see {@code CheckInconclusive}).
     */
    public enum Status { PASSED, FAILED, NOT_RUN, INCONCLUSIVE }

    /**
     * One check's outcome and, unless it passed, the message for the student and what the check
     * found besides (for the course staff).
     */
    public record Entry(CheckId id, Status status, String message, FailureFacts facts) {
        public Entry(CheckId id, Status status, String message) {
            this(id, status, message, FailureFacts.NONE);
        }
    }

    private final Map<CheckId, Entry> entries = new LinkedHashMap<>();
    private final List<String> graderErrors = new ArrayList<>();

    public synchronized void expect(Collection<CheckId> ids) {
        for (CheckId id : ids) {
            entries.putIfAbsent(id, new Entry(id, Status.NOT_RUN, "This check was not run."));
        }
    }

    public synchronized void record(CheckId id, Status status, String message) {
        record(id, status, message, FailureFacts.NONE);
    }

    public synchronized void record(CheckId id, Status status, String message, FailureFacts facts) {
        entries.put(id, new Entry(id, status, message, facts));
    }

    /** A failure of the grading machinery itself, kept apart from the student's failures. */
    public synchronized void graderError(String message) {
        graderErrors.add(message);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized List<String> graderErrors() {
        return List.copyOf(graderErrors);
    }
}
