# db keeps the batch dimension: shape (1, M).
# breaks: linear_backward
# hint: db has shape (1,
# hint: sum over the batch without keepdims, e.g. np.sum(dout, axis=0)
def linear_backward(dout, x, w, b):
    return dout @ w.T, x.T @ dout, np.sum(dout, axis=0, keepdims=True)
