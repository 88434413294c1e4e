package edu.mlcourse.hw5.contract;

import static edu.mlcourse.hw5.contract.Param.matrix;
import static edu.mlcourse.hw5.contract.Param.vector;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The six functions students write, with the names, argument order and types the grader relies on:
 * in the Java edition {@code public static} methods of {@code hw5.Q1} ({@link #methodName()},
 * {@code linearForward}), in the Python edition functions of {@code q1.py} ({@link #pythonName()},
 * {@code linear_forward}) on float64 numpy arrays. The order is the worker protocol's
 * (worker/PROTOCOL.md).
 *
 * <p>Backward functions follow one convention: their arguments are the upstream gradient
 * {@code dout} followed by the forward function's arguments, and their outputs are the gradients
 * of those forward arguments, in the same order. {@code linearBackward} returns its three outputs
 * in a {@code hw5.LinearGrads}; every other function returns one {@code double[][]}.
 */
public enum Q1Function {
    LINEAR_FORWARD("linearForward",
            "out[i][j] = Σ_k x[i][k]·w[k][j] + b[j], an N×M matrix",
            List.of(matrix("x"), matrix("w"), vector("b")), List.of(matrix("out"))),
    LINEAR_BACKWARD("linearBackward",
            "dX = dout·wᵀ (N×D), dW = xᵀ·dout (D×M), db[j] = Σ_i dout[i][j] (M entries)",
            List.of(matrix("dout"), matrix("x"), matrix("w"), vector("b")),
            List.of(matrix("dX"), matrix("dW"), vector("db"))),
    RELU_FORWARD("reluForward",
            "out[i][j] = max(0, x[i][j])",
            List.of(matrix("x")), List.of(matrix("out"))),
    RELU_BACKWARD("reluBackward",
            "dx[i][j] = dout[i][j] where x[i][j] > 0, else 0",
            List.of(matrix("dout"), matrix("x")), List.of(matrix("dx"))),
    SOFTMAX_FORWARD("softmaxForward",
            "row by row, with m the row's maximum: out[i][j] = exp(x[i][j] − m) / Σ_k exp(x[i][k] − m)",
            List.of(matrix("x")), List.of(matrix("out"))),
    SOFTMAX_BACKWARD("softmaxBackward",
            "row by row, with s the softmax of the row of x: dx[i][j] = s[j]·(dout[i][j] − Σ_k dout[i][k]·s[k])",
            List.of(matrix("dout"), matrix("x")), List.of(matrix("dx")));

    /** The fully qualified name of the class that holds the six methods. */
    public static final String CLASS_NAME = "hw5.Q1";
    /** The fully qualified name of the record {@code linearBackward} returns. */
    public static final String LINEAR_GRADS_CLASS_NAME = "hw5.LinearGrads";

    private final String methodName;
    private final String formula;
    private final List<Param> params;
    private final List<Param> outputs;

    Q1Function(String methodName, String formula, List<Param> params, List<Param> outputs) {
        this.methodName = methodName;
        this.formula = formula;
        this.params = params;
        this.outputs = outputs;
    }

    /** The Java edition's name, {@code linearForward}: also the canonical name in tags and check ids. */
    public String methodName() {
        return methodName;
    }

    /** The Python edition's name, {@code linear_forward}. */
    public String pythonName() {
        return methodName.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** The line Python students must write, e.g. {@code def linear_forward(x, w, b):}. */
    public String pythonDeclaration() {
        return "def " + pythonName() + "(" + params.stream().map(Param::pythonName).collect(Collectors.joining(", "))
                + "):";
    }

    /**
     * What the function returns, entry by entry, for feedback when a wrong output matches none of
     * the known mistakes. The same formulas are in the students' README.
     */
    public String formula() {
        return formula;
    }

    public List<Param> params() {
        return params;
    }

    public List<Param> outputs() {
        return outputs;
    }

    public Class<?>[] parameterTypes() {
        return params.stream().map(p -> p.rank().javaType()).toArray(Class<?>[]::new);
    }

    public boolean isBackward() {
        return forward().isPresent();
    }

    /** True when the method returns {@code hw5.LinearGrads} rather than {@code double[][]}. */
    public boolean returnsLinearGrads() {
        return this == LINEAR_BACKWARD;
    }

    /** The forward function whose gradients this backward function computes. */
    public Optional<Q1Function> forward() {
        return switch (this) {
            case LINEAR_BACKWARD -> Optional.of(LINEAR_FORWARD);
            case RELU_BACKWARD -> Optional.of(RELU_FORWARD);
            case SOFTMAX_BACKWARD -> Optional.of(SOFTMAX_FORWARD);
            default -> Optional.empty();
        };
    }

    public String returnTypeName() {
        return returnsLinearGrads() ? "LinearGrads" : "double[][]";
    }

    /** The declaration students must write, e.g. {@code public static double[][] reluForward(double[][] x)}. */
    public String signature() {
        return "public static " + returnTypeName() + " " + methodName + "("
                + params.stream().map(Param::toString).collect(Collectors.joining(", ")) + ")";
    }

    public static Optional<Q1Function> byMethodName(String name) {
        return Arrays.stream(values()).filter(f -> f.methodName.equals(name)).findFirst();
    }
}
