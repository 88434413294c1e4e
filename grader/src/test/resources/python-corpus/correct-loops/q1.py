"""Correct, with explicit loops and no vectorisation."""
import numpy as np


def linear_forward(x, w, b):
    n, d = x.shape
    m = w.shape[1]
    out = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            total = b[j]
            for k in range(d):
                total += x[i, k] * w[k, j]
            out[i, j] = total
    return out


def linear_backward(dout, x, w, b):
    n, d = x.shape
    m = w.shape[1]
    dx = np.zeros((n, d))
    dw = np.zeros((d, m))
    db = np.zeros(m)
    for i in range(n):
        for j in range(m):
            db[j] += dout[i, j]
            for k in range(d):
                dx[i, k] += dout[i, j] * w[k, j]
                dw[k, j] += x[i, k] * dout[i, j]
    return dx, dw, db


def relu_forward(x):
    out = np.zeros(x.shape)
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            out[i, j] = x[i, j] if x[i, j] > 0 else 0.0
    return out


def relu_backward(dout, x):
    dx = np.zeros(x.shape)
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            dx[i, j] = dout[i, j] if x[i, j] > 0 else 0.0
    return dx


def softmax_forward(x):
    out = np.zeros(x.shape)
    for i in range(x.shape[0]):
        m = max(x[i])
        total = sum(np.exp(v - m) for v in x[i])
        for j in range(x.shape[1]):
            out[i, j] = np.exp(x[i, j] - m) / total
    return out


def softmax_backward(dout, x):
    s = softmax_forward(x)
    dx = np.zeros(x.shape)
    for i in range(x.shape[0]):
        dot = sum(dout[i, k] * s[i, k] for k in range(x.shape[1]))
        for j in range(x.shape[1]):
            dx[i, j] = s[i, j] * (dout[i, j] - dot)
    return dx
