"""HW5 Q1, the Python edition's reference: the forward and backward passes of a linear layer, ReLU
and softmax, on float64 numpy arrays. Rows are samples: x is (N, D), w is (D, M), b is (M,).

Backward functions receive dout = dL/d(output) and the forward function's inputs, and return
dL/d(input) with the input's shape. No function changes its arguments.
"""
import numpy as np


def linear_forward(x, w, b):
    """out = x @ w + b, (N, M); b is added to every row."""
    return x @ w + b


def linear_backward(dout, x, w, b):
    """(dx, dw, db) for out = x @ w + b: dx = dout @ w.T (N, D), dw = x.T @ dout (D, M),
    db = the sum of dout over the batch (M,)."""
    return dout @ w.T, x.T @ dout, np.sum(dout, axis=0)


def relu_forward(x):
    """max(0, x), element-wise."""
    return np.maximum(x, 0.0)


def relu_backward(dout, x):
    """dout where x > 0, else 0."""
    return np.where(x > 0, dout, 0.0)


def softmax_forward(x):
    """Row-wise softmax. Subtracting each row's maximum first changes nothing mathematically and
    keeps exp from overflowing for logits as large as 1000."""
    shifted = x - np.max(x, axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=1, keepdims=True)


def softmax_backward(dout, x):
    """Per row, with s = softmax(x): dx = s * (dout - sum_j dout_j s_j)."""
    s = softmax_forward(x)
    return s * (dout - np.sum(dout * s, axis=1, keepdims=True))
