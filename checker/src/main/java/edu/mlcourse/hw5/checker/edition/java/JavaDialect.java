package edu.mlcourse.hw5.checker.edition.java;

import edu.mlcourse.hw5.checker.checks.Dialect;
import edu.mlcourse.hw5.contract.Param;
import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Outcome;
import edu.mlcourse.hw5.vectors.Mistake;
import java.util.List;

/** The Java edition: {@code hw5.Q1}'s methods on {@code double[][]}. */
public final class JavaDialect implements Dialect {
    public static final JavaDialect INSTANCE = new JavaDialect();

    private JavaDialect() {
    }

    @Override
    public String name(Q1Function function) {
        return function.methodName();
    }

    @Override
    public String name(Param param) {
        return param.name();
    }

    @Override
    public String returns(Q1Function function) {
        return function.returnTypeName();
    }

    @Override
    public String threw() {
        return "threw";
    }

    @Override
    public String none() {
        return "null";
    }

    @Override
    public String index(int flat, int columns) {
        return columns == 0 ? "[" + flat + "]" : "[" + flat / columns + "][" + flat % columns + "]";
    }

    @Override
    public String shape(int rows, int columns) {
        return rows < 0 ? Integer.toString(columns) : rows + "×" + columns;
    }

    @Override
    public String frames(List<String> frames) {
        return frames.isEmpty() ? "" : "\n    at " + String.join("\n    at ", frames);
    }

    @Override
    public List<String> exceptionHints(Q1Function function, Outcome.Threw threw) {
        String type = threw.exceptionClass();
        String message = threw.message() == null ? "" : threw.message();
        if (type.equals("java.lang.UnsupportedOperationException") && message.startsWith("TODO")) {
            return List.of("This function is not written yet: it still throws the template's TODO.");
        }
        if (type.equals("java.lang.ArrayIndexOutOfBoundsException") && Dialect.isLinear(function)) {
            return List.of("An index out of bounds in a linear layer usually means N, D and M are mixed up in a loop"
                    + " bound, or a transpose is missing: x is N×D, w is D×M, b and each row of dout have M entries;"
                    + " dX = dout·wᵀ is N×D and dW = xᵀ·dout is D×M.");
        }
        if (type.equals("java.lang.ArrayIndexOutOfBoundsException")) {
            return List.of("An index went out of bounds: check each loop's bound against the shape of the array it indexes"
                    + " (rows: a.length, columns: a[0].length).");
        }
        if (type.equals("java.lang.NullPointerException")) {
            return List.of("Something was null: an array created without its rows (new double[n][]) or a row never filled?");
        }
        if (type.equals("java.lang.StackOverflowError")) {
            return List.of("The call stack overflowed: a recursion that never stops?");
        }
        if (type.equals("java.lang.NoClassDefFoundError")) {
            // The grader compiles against more than the student JVM holds: such code compiles, then fails here.
            return List.of("Your code uses " + message.replace('/', '.') + ", which the grader does not provide: Q1 may use"
                    + " the JDK and hw5.LinearGrads only (no libraries, and no classes of the Q2 project).");
        }
        if (type.equals("java.lang.OutOfMemoryError")) {
            return List.of(Dialect.TOO_MUCH_MEMORY);
        }
        return List.of();
    }

    @Override
    public String hint(Mistake mistake) {
        return mistake.hint();
    }

    @Override
    public String singlePrecision() {
        return "float";
    }

    @Override
    public String computeInDouble() {
        return "Compute in double: no float variables, float[] arrays or (float) casts.";
    }

    @Override
    public List<String> tags(Q1Function function, String kind) {
        return List.of(function.methodName(), "q1", kind);
    }
}
