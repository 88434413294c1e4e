package edu.mlcourse.hw5.protocol;

/**
 * The conversation between the grader and the student JVM, over a Unix-domain socket.
 *
 * <pre>
 * grader → worker   LOAD   int n, n × (string binaryName, int length, bytes)
 * worker → grader   LOADED byte status, status FAILED: outcome (Threw or Unavailable),
 *                          status OK: 6 × string problem (null when the method is fine);
 *                          then string captured output
 * grader → worker   CALL   int function ordinal, int n, n × the function's arguments
 * worker → grader   RESULTS n × outcome, then string captured output
 * grader → worker   EXIT
 * </pre>
 *
 * Strings are an int byte count (−1 for null) and UTF-8; arrays an int length (−1 for null) and
 * doubles. The student's prints never travel on this channel: the worker captures them.
 */
public final class Messages {
    public static final byte LOAD = 1;
    public static final byte CALL = 2;
    public static final byte EXIT = 3;
    public static final byte LOADED = 11;
    public static final byte RESULTS = 12;
    public static final byte STATUS_OK = 0;
    public static final byte STATUS_FAILED = 1;

    private Messages() {
    }
}
