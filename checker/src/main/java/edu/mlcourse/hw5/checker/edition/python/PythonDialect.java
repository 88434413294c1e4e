package edu.mlcourse.hw5.checker.edition.python;

import edu.mlcourse.hw5.checker.checks.Dialect;
import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.vectors.Mistake;
import java.util.List;

/** The Python edition, the homework as first written: {@code q1.py}'s functions on float64 numpy arrays. */
public final class PythonDialect implements Dialect {
    public static final PythonDialect INSTANCE = new PythonDialect();

    private PythonDialect() {
    }

    @Override
    public String name(Q1Function function) {
        return function.pythonName();
    }

    @Override
    public String name(Param param) {
        return param.pythonName();
    }

    @Override
    public String returns(Q1Function function) {
        return switch (function) {
            case LINEAR_FORWARD -> "a numpy array of shape (N, M)";
            case LINEAR_BACKWARD -> "a tuple of three numpy arrays: return dx, dw, db";
            default -> "a numpy array of the shape of x";
        };
    }

    @Override
    public String threw() {
        return "raised";
    }

    @Override
    public String none() {
        return "None";
    }

    @Override
    public String index(int flat, int columns) {
        return columns == 0 ? "[" + flat + "]" : "[" + flat / columns + ", " + flat % columns + "]";
    }

    @Override
    public String shape(int rows, int columns) {
        return rows < 0 ? "(" + columns + ",)" : "(" + rows + ", " + columns + ")";
    }

    @Override
    public String frames(List<String> frames) {
        return frames.isEmpty() ? "" : "\n    " + String.join("\n    ", frames);
    }

    @Override
    public List<String> exceptionHints(Q1Function function, Outcome.Threw threw) {
        String type = threw.exceptionClass();
        String message = threw.message() == null ? "" : threw.message();
        if (type.equals("NotImplementedError") && message.startsWith("TODO")) {
            return List.of("This function is not written yet: it still raises the template's NotImplementedError.");
        }
        if (type.equals("ValueError") && (message.contains("shape") || message.contains("broadcast")
                || message.contains("aligned") || message.contains("matmul"))) {
            return List.of(Dialect.isLinear(function)
                    ? "The shapes do not fit: x is (N, D), w is (D, M), b is (M,) and dout is (N, M); dx = dout @ w.T is"
                            + " (N, D) and dw = x.T @ dout is (D, M). Check the order of the operands and the transposes."
                    : "The shapes do not fit: check the axis you sum over, and keep the summed axis"
                            + " (keepdims=True) so the sums broadcast back over each row.");
        }
        if (type.equals("IndexError")) {
            return List.of("An index is out of range: check each loop's range against the array's shape"
                    + " (x.shape[0] rows, x.shape[1] columns).");
        }
        if (type.equals("SystemExit")) {
            return List.of("Functions must not call sys.exit (or exit, quit): return the result instead.");
        }
        if (type.equals("TypeError") && message.contains("NoneType")) {
            return List.of("Something was None: a helper function without a return statement?");
        }
        if (type.equals("RecursionError")) {
            return List.of("The recursion never stops?");
        }
        if (type.equals("MemoryError")) {
            return List.of(Dialect.TOO_MUCH_MEMORY);
        }
        return List.of();
    }

    @Override
    public String hint(Mistake mistake) {
        return mistake.pythonHint();
    }

    @Override
    public String singlePrecision() {
        return "float32";
    }

    @Override
    public String computeInDouble() {
        return "Keep numpy's float64: no dtype=np.float32, no .astype(np.float32).";
    }

    @Override
    public List<String> tags(Q1Function function, String kind) {
        return List.of(function.pythonName(), function.methodName(), "q1", kind);
    }
}
