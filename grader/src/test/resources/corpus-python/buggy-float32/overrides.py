# Computes every function in float32: each loses its precision case, and each backward's gradient points follow its
# own cases, since finite differences of a float32 forward are noise.
# breaks: linear_forward, linear_backward, relu_forward, relu_backward, softmax_forward, softmax_backward
# hint: as if computed in float32 (single precision)
_f32 = lambda *arrays: [np.asarray(a, dtype=np.float32) for a in arrays]


def linear_forward(x, w, b):
    x, w, b = _f32(x, w, b)
    return x @ w + b


def linear_backward(dout, x, w, b):
    dout, x, w, b = _f32(dout, x, w, b)
    return dout @ w.T, x.T @ dout, np.sum(dout, axis=0)


def relu_forward(x):
    return np.maximum(x.astype(np.float32), np.float32(0))


def relu_backward(dout, x):
    dout, x = _f32(dout, x)
    return np.where(x > 0, dout, np.float32(0))


def softmax_forward(x):
    x = x.astype(np.float32)
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def softmax_backward(dout, x):
    dout = dout.astype(np.float32)
    s = softmax_forward(x)
    return s * (dout - np.sum(dout * s, axis=1, keepdims=True))
