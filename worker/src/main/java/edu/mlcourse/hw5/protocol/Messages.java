package edu.mlcourse.hw5.protocol;

/**
 * The message types of the worker protocol, specified in {@code worker/PROTOCOL.md}, which both
 * workers (this module's {@code WorkerMain}, and the Python worker) and the grader follow.
 *
 * <pre>
 * worker → grader   HELLO   int version, string runtime
 * grader → worker   LOAD    int n, n × (string name, int length, bytes)
 * worker → grader   LOADED  byte status, status FAILED: outcome (Threw or Unavailable),
 *                           status OK: 6 × string problem (null when the function is fine);
 *                           then string captured output
 * grader → worker   CALL    int function index, int n, n × the function's arguments
 * worker → grader   RESULTS n × outcome, then string captured output
 * grader → worker   EXIT
 * grader → worker   EVALUATE  a model file, the notebook, the held-out images (Python edition's Q2)
 * worker → grader   EVALUATED the model's labels of a sample under each input convention, or why it did not run
 * grader → worker   COMPLETE  int convention: run that one on every image
 * worker → grader   LABELS    every image's label under it, or why it did not run on all
 * </pre>
 */
public final class Messages {
    /** The protocol's version, sent in HELLO; see PROTOCOL.md. */
    public static final int VERSION = 3;
    public static final byte HELLO = 10;
    public static final byte LOAD = 1;
    public static final byte CALL = 2;
    public static final byte EXIT = 3;
    public static final byte EVALUATE = 4;
    public static final byte COMPLETE = 5;
    public static final byte LOADED = 11;
    public static final byte RESULTS = 12;
    public static final byte EVALUATED = 14;
    public static final byte LABELS = 15;
    public static final byte STATUS_OK = 0;
    public static final byte STATUS_FAILED = 1;

    private Messages() {
    }
}
