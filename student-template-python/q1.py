"""HW5 Q1: the forward and backward passes of a linear layer, ReLU and softmax, with numpy.

PLEASE DO NOT MODIFY THE FUNCTION NAMES AND THE FILE NAMES OR THE AUTOGRADER WILL BREAK.

Rules the grader checks (see README.md):
- Every function receives float64 numpy arrays and returns new float64 numpy arrays. Never modify an
  argument (no x[...] = ..., no x += ...), and never return an argument itself.
- Rows are samples: x is (N, D) for the linear layer, (N, K) for ReLU and softmax.
- Backward functions receive dout = dL/d(output), the gradient of the loss with respect to the
  function's output, and the forward function's inputs; they return dL/d(input), with the shape
  of that input.

Replace each `raise NotImplementedError(...)` with your code; you may add helper functions, and
import numpy and Python's standard library. Check your work with: python3 check.py
"""
import numpy as np


def linear_forward(x, w, b):
    """A linear layer: out = x @ w + b, with b added to every row.

    Shapes: x (N, D), w (D, M), b (M,) -> out (N, M).
    Definition: out[i][j] = Σ_k x[i][k]·w[k][j] + b[j], an N×M matrix
    """
    raise NotImplementedError("TODO: linear_forward")


def linear_backward(dout, x, w, b):
    """Gradients of the linear layer: returns the tuple (dx, dw, db).

    Shapes: dout (N, M), and the forward inputs x (N, D), w (D, M), b (M,)
            -> dx (N, D), dw (D, M), db (M,).
    Definition (dX is dx, dW is dw): dX = dout·wᵀ (N×D), dW = xᵀ·dout (D×M), db[j] = Σ_i dout[i][j] (M entries)
    Return all three: return dx, dw, db
    """
    raise NotImplementedError("TODO: linear_backward")


def relu_forward(x):
    """ReLU, element-wise.

    Shapes: x (N, K) -> out (N, K).
    Definition: out[i][j] = max(0, x[i][j])
    """
    raise NotImplementedError("TODO: relu_forward")


def relu_backward(dout, x):
    """Gradient of ReLU; x is the forward input.

    Shapes: dout (N, K), x (N, K) -> dx (N, K).
    Definition: dx[i][j] = dout[i][j] where x[i][j] > 0, else 0
    """
    raise NotImplementedError("TODO: relu_backward")


def softmax_forward(x):
    """Softmax of each row (each row of the result sums to 1). It must stay exact for logits as large
    as ±1000: exp(1000) overflows, so subtract each row's maximum first (softmax does not change).

    Shapes: x (N, K) -> out (N, K).
    Definition: row by row, with m the row's maximum: out[i][j] = exp(x[i][j] − m) / Σ_k exp(x[i][k] − m)
    """
    raise NotImplementedError("TODO: softmax_forward")


def softmax_backward(dout, x):
    """Gradient of the row-wise softmax; x is the forward input (the logits), not the softmax.

    Shapes: dout (N, K), x (N, K) -> dx (N, K).
    Definition: row by row, with s the softmax of the row of x: dx[i][j] = s[j]·(dout[i][j] − Σ_k dout[i][k]·s[k])
    """
    raise NotImplementedError("TODO: softmax_backward")
