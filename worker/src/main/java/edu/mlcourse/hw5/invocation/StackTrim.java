package edu.mlcourse.hw5.invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts a stack trace down to what a student can act on: their own frames, plus the few library
 * frames directly above them (where an index went out of bounds in {@code Arrays.copyOf}, say).
 * The reflection and grader frames below the student's outermost frame are dropped.
 */
final class StackTrim {
    private static final int LIBRARY_FRAMES_KEPT = 3;
    private static final int MAX_FRAMES = 12;

    private StackTrim() {
    }

    /** {@code hw5.Q1.reluForward(Q1.java:41)}, without the module and class loader prefixes. */
    static String format(StackTraceElement frame) {
        String where = frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    static List<String> studentFrames(Throwable thrown, Predicate<String> isStudentClass) {
        StackTraceElement[] trace = thrown.getStackTrace();
        int first = -1;
        int last = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isStudentClass.test(trace[i].getClassName())) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        List<String> frames = new ArrayList<>();
        if (first < 0) {
            // No student frame (a StackOverflowError can lose them): show the top of the trace.
            for (int i = 0; i < Math.min(LIBRARY_FRAMES_KEPT, trace.length); i++) {
                frames.add(format(trace[i]));
            }
            return frames;
        }
        for (int i = Math.max(0, first - LIBRARY_FRAMES_KEPT); i <= last && frames.size() < MAX_FRAMES; i++) {
            frames.add(format(trace[i]));
        }
        if (last - Math.max(0, first - LIBRARY_FRAMES_KEPT) + 1 > MAX_FRAMES) {
            frames.add("... " + (last + 1 - MAX_FRAMES - Math.max(0, first - LIBRARY_FRAMES_KEPT)) + " more");
        }
        return frames;
    }
}
