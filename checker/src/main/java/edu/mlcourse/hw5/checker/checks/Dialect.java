package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.vectors.Mistake;
import java.util.List;

/**
 * How the checks speak to a student of one edition: the names they write ({@code linearForward}
 * or {@code linear_forward}), how an index and a shape read ({@code [1][2]}, {@code 3×4} or
 * {@code [1, 2]}, {@code (3, 4)}), what a function must return, and the hints that fit the
 * language. The checks themselves are the same for every edition, and never ask which one it is.
 */
public interface Dialect {
    /** For running out of memory, in either edition. */
    String TOO_MUCH_MEMORY = "Your code needed far more memory than the inputs call for: look for arrays"
            + " sized by a product of dimensions, or arrays allocated in a loop that never ends.";

    /** A function's name as the student writes it. */
    String name(Q1Function function);

    /** An argument's or output's name as the student writes it ({@code dW}, {@code dw}). */
    String name(Param param);

    /** What the function must return, for "it returned null; it must return ...". */
    String returns(Q1Function function);

    /** How an exception is said to leave a function: "threw", "raised". */
    String threw();

    /** The null value ({@code null}, {@code None}). */
    String none();

    /** Where entry {@code flat} of a value with {@code columns} columns (0 for a vector) is. */
    String index(int flat, int columns);

    /** The shape of a matrix ({@code rows}, {@code columns}) or of a vector ({@code columns} &lt; 0). */
    String shape(int rows, int columns);

    /** An exception's frames, one per line, each indented under the message. */
    String frames(List<String> frames);

    /** The likely cause of an exception the function threw, in this language's terms. */
    List<String> exceptionHints(Q1Function function, Outcome.Threw threw);

    /** What a recognised mistake most likely was, and what to do instead. */
    String hint(Mistake mistake);

    /** Single precision's name in this language ({@code float}, {@code float32}). */
    String singlePrecision();

    /** What to do instead of computing in single precision, as a sentence. */
    String computeInDouble();

    /** The hint for outputs that carry single precision's digits ({@code Hints.singlePrecision}). */
    default String singlePrecisionHint() {
        return "Your results carry about 7 significant digits, as if computed in " + singlePrecision()
                + " (single precision). " + computeInDouble();
    }

    /**
     * Tags of a test of {@code function} in results.json: the name the student writes and the
     * canonical one ({@code linearForward}, which check ids and rubrics use), then "q1" and {@code kind}.
     */
    List<String> tags(Q1Function function, String kind);

    /** Whether a hint about shapes should speak of a linear layer's x, w, b and dout. */
    static boolean isLinear(Q1Function function) {
        return function == Q1Function.LINEAR_FORWARD || function == Q1Function.LINEAR_BACKWARD;
    }

    /** The shape of a value: a matrix or a vector. */
    default String shape(Object value) {
        if (value instanceof double[] v) {
            return shape(-1, v.length);
        }
        double[][] m = (double[][]) value;
        return shape(m.length, m.length == 0 || m[0] == null ? 0 : m[0].length);
    }
}
