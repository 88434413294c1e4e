"""Correct: einsum, a log-sum-exp softmax and the full softmax Jacobian per row."""
import numpy as np


def linear_forward(x, w, b):
    return np.einsum("nd,dm->nm", x, w) + b[np.newaxis, :]


def linear_backward(dout, x, w, b):
    return np.einsum("nm,dm->nd", dout, w), np.einsum("nd,nm->dm", x, dout), dout.sum(axis=0)


def relu_forward(x):
    return x * (x > 0)


def relu_backward(dout, x):
    return dout * (x > 0)


def softmax_forward(x):
    m = x.max(axis=1, keepdims=True)
    log_sum = m + np.log(np.exp(x - m).sum(axis=1, keepdims=True))
    return np.exp(x - log_sum)


def softmax_backward(dout, x):
    s = softmax_forward(x)
    dx = np.empty_like(dout)
    for i in range(x.shape[0]):
        jacobian = np.diag(s[i]) - np.outer(s[i], s[i])
        dx[i] = jacobian @ dout[i]
    return dx
