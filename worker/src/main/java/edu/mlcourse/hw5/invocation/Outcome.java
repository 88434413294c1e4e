package edu.mlcourse.hw5.invocation;

import java.util.List;

/**
 * What happened when one Q1 function was called once. The first four come from the place the
 * student code ran; {@link TimedOut} and {@link Crashed} are decided by the grader watching it.
 */
public sealed interface Outcome {

    /**
     * The method returned.
     *
     * @param outputs one entry per {@code Q1Function.outputs()} ({@code double[][]}, {@code double[]}
     *     or {@code null} where the student returned null), or {@code null} when the method itself
     *     returned null
     * @param contractViolations arguments it modified or returned as its own result, in words
     */
    record Returned(Object[] outputs, List<String> contractViolations) implements Outcome {
        public Returned {
            contractViolations = List.copyOf(contractViolations);
        }
    }

    /**
     * The method threw.
     *
     * @param exceptionClass e.g. {@code java.lang.ArrayIndexOutOfBoundsException}
     * @param message the exception's message, or null
     * @param frames the stack trace trimmed to the student's frames, e.g. {@code hw5.Q1.reluForward(Q1.java:41)}
     * @param fatal true for errors after which the JVM should not be trusted (OutOfMemoryError, ...)
     */
    record Threw(String exceptionClass, String message, List<String> frames, boolean fatal) implements Outcome {
        public Threw {
            frames = List.copyOf(frames);
        }

        /** {@code ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 3}. */
        public String summary() {
            String simple = exceptionClass.substring(exceptionClass.lastIndexOf('.') + 1);
            return message == null ? simple : simple + ": " + message;
        }
    }

    /** The method could not be called: it is missing, misnamed, not static, or its class did not load. */
    record Unavailable(String reason) implements Outcome {
    }

    /** The method returned something the grader will not take, such as an array of a billion entries. */
    record Rejected(String reason) implements Outcome {
    }

    /**
     * The call did not finish within the time allowed.
     *
     * @param millis the limit it reached
     * @param waiting true when it reached the limit on elapsed time while mostly not computing (a
     *     sleep, a deadlock); false when it computed for the whole limit (an endless loop)
     */
    record TimedOut(long millis, boolean waiting) implements Outcome {
    }

    /** The process running the student code ended or broke its channel during the call. */
    record Crashed(String description) implements Outcome {
    }
}
