package edu.mlcourse.hw5.vectors;

import edu.mlcourse.hw5.contract.Q1Function;
import java.util.Arrays;
import java.util.Optional;

/**
 * Classic mistakes whose exact wrong outputs the vector generator records in each case, so that a
 * wrong answer can be recognised and explained. The grader compares a wrong output with these; it
 * never computes them itself.
 */
public enum Mistake {
    MISSING_BIAS(Q1Function.LINEAR_FORWARD,
            "Your output equals x·w without the bias: add b[j] to every row's column j.",
            "Your output equals x @ w without the bias: add b, which broadcasts to every row (x @ w + b)."),
    BIAS_FIRST_ROW(Q1Function.LINEAR_FORWARD,
            "Your output adds the bias to the first row only: add b[j] to column j of every row (each sample"
            + " of the batch gets the bias).",
            "Your output adds the bias to the first row only: add b to every row; x @ w + b broadcasts b over"
            + " the batch."),
    BIAS_PER_FEATURE(Q1Function.LINEAR_FORWARD,
            "Your output adds the bias D times, once per input feature: b[j] is added once to each output,"
            + " after the sum over k, not inside the loop over k.",
            "Your output adds the bias D times, once per input feature: add b once, after the sum over the"
            + " features (x @ w + b), not inside the loop over them."),
    DX_ROW_TOTAL(Q1Function.LINEAR_BACKWARD,
            "Your dX scales each row of x by that row's total of dout: dX = dout·Wᵀ, dX[i][k] = Σ_j dout[i][j]·W[k][j]"
            + " (the weights, not the inputs, carry the gradient back to x).",
            "Your dx scales each row of x by that row's total of dout: dx = dout @ w.T (the weights, not the"
            + " inputs, carry the gradient back to x)."),
    DW_DIVIDED_BY_N(Q1Function.LINEAR_BACKWARD,
            "Your dW is the right answer divided by the batch size N. dL/dW = Xᵀ·dout already sums over"
            + " the batch; averaging belongs in the loss, not in the layer.",
            "Your dw is the right answer divided by the batch size N. dL/dw = x.T @ dout already sums over the "
            + "batch; averaging belongs in the loss, not in the layer."),
    DB_AVERAGED(Q1Function.LINEAR_BACKWARD,
            "Your db is the right answer divided by N: db is the sum of dout over the batch (rows), not the mean.",
            "Your db is the right answer divided by N: db is the sum of dout over the batch, np.sum(dout, "
            + "axis=0), not the mean."),
    DB_FIRST_ROW(Q1Function.LINEAR_BACKWARD,
            "Your db equals the first row of dout: db must sum dout over all N rows of the batch.",
            "Your db equals the first row of dout (dout[0]): db must sum dout over all N rows, np.sum(dout, "
            + "axis=0)."),
    DB_SUMMED_OVER_COLUMNS(Q1Function.LINEAR_BACKWARD,
            "Your db sums dout over the wrong axis: db[j] = Σ_i dout[i][j] (sum over rows, one entry per output "
            + "column).",
            "Your db sums dout over the wrong axis: db = np.sum(dout, axis=0), one entry per output column, not "
            + "axis=1."),
    RELU_MASK(Q1Function.RELU_FORWARD,
            "You returned the mask (1 where x > 0, else 0) instead of max(0, x).",
            "You returned the mask (x > 0) instead of max(0, x)."),
    RELU_MASK_WITHOUT_DOUT(Q1Function.RELU_BACKWARD,
            "You returned the ReLU mask (1 where x > 0) without multiplying by dout: dx = dout ⊙ [x > 0].",
            "You returned the ReLU mask (x > 0) without multiplying by dout: dx = dout * (x > 0)."),
    RELU_DOUT_UNMASKED(Q1Function.RELU_BACKWARD,
            "You passed dout through unchanged: zero it where the ReLU input x was ≤ 0."),
    RELU_MASK_FROM_DOUT(Q1Function.RELU_BACKWARD,
            "You masked dout by its own sign: the mask comes from the forward input x (dx = dout where x > 0, "
            + "else 0)."),
    SOFTMAX_COLUMNS(Q1Function.SOFTMAX_FORWARD,
            "Your softmax normalises each column: it must normalise each row (each row sums to 1).",
            "Your softmax normalises each column (axis=0): it must normalise each row, axis=1, so that each row "
            + "sums to 1 (keepdims=True keeps the sums broadcastable)."),
    SOFTMAX_WHOLE_MATRIX(Q1Function.SOFTMAX_FORWARD,
            "Your softmax normalises over the whole matrix: normalise each row separately.",
            "Your softmax normalises over the whole matrix (a sum without axis): normalise each row, axis=1."),
    SOFTMAX_NO_EXP(Q1Function.SOFTMAX_FORWARD,
            "Your softmax divides x by its row's sum without exponentiating: out[i][j] = e^(x[i][j] − max_i)"
            + " / Σ_k e^(x[i][k] − max_i).",
            "Your softmax divides x by its row's sum without exponentiating: e = np.exp(x - x.max(axis=1,"
            + " keepdims=True)); out = e / e.sum(axis=1, keepdims=True)."),
    SOFTMAX_UNNORMALISED(Q1Function.SOFTMAX_FORWARD,
            "You returned exp(x) without dividing by the row's sum of exponentials.",
            "You returned np.exp(x) without dividing by the row's sum of exponentials."),
    SOFTMAX_DIAGONAL_JACOBIAN(Q1Function.SOFTMAX_BACKWARD,
            "You used only the diagonal of the softmax Jacobian, s⊙(1−s)⊙dout. Each output depends on every"
            + " input of its row: dx = s ⊙ (dout − Σ_j dout_j s_j), with s the row's softmax.",
            "You used only the diagonal of the softmax Jacobian, s * (1 - s) * dout. Each output depends on "
            + "every input of its row: dx = s * (dout - np.sum(dout * s, axis=1, keepdims=True)), with s the "
            + "softmax of x."),
    SOFTMAX_ELEMENTWISE(Q1Function.SOFTMAX_BACKWARD,
            "You computed s ⊙ dout and forgot the − s ⊙ (dout·s) term: dx = s ⊙ (dout − Σ_j dout_j s_j).",
            "You computed s * dout and forgot the - s * np.sum(dout * s, axis=1, keepdims=True) term."),
    SOFTMAX_BACKWARD_SUM_UNKEPT(Q1Function.SOFTMAX_BACKWARD,
            "You subtracted row j's Σ dout·s from column j: each row i subtracts its own sum,"
            + " dx[i][j] = s[i][j]·(dout[i][j] − Σ_k dout[i][k]·s[i][k]).",
            "Your Σ dout * s lost its axis (a sum without keepdims=True), so it broadcast along the wrong axis:"
            + " np.sum(dout * s, axis=1, keepdims=True) is (N, 1) and subtracts each row's own sum."),
    SOFTMAX_BACKWARD_COLUMNS(Q1Function.SOFTMAX_BACKWARD,
            "Your softmax backward works along columns: softmax is taken per row, so its gradient is per row too.",
            "Your softmax backward works along columns (axis=0): softmax is taken per row, so its gradient is "
            + "per row too (axis=1).");

    private final Q1Function function;
    private final String hint;
    private final String pythonHint;

    /** A mistake whose hint reads the same in both editions. */
    Mistake(Q1Function function, String hint) {
        this(function, hint, hint);
    }

    Mistake(Q1Function function, String hint, String pythonHint) {
        this.function = function;
        this.hint = hint;
        this.pythonHint = pythonHint;
    }

    /** The key used in vector files, e.g. {@code dWDividedByN}. */
    public String id() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    public Q1Function function() {
        return function;
    }

    /** What the student most likely did, and what to do instead, for the Java edition. */
    public String hint() {
        return hint;
    }

    /** The same for the Python edition, in numpy's terms ({@code np.sum(dout, axis=0)}). */
    public String pythonHint() {
        return pythonHint;
    }

    public static Optional<Mistake> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }
}
