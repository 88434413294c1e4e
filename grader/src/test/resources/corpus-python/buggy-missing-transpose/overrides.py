# dx without the transpose: the shapes do not fit.
# breaks: linear_backward
# hint: linear_backward raised ValueError
# hint: The shapes do not fit: x is (N, D), w is (D, M)
# hint: q1.py, line
def linear_backward(dout, x, w, b):
    return dout @ w, x.T @ dout, np.sum(dout, axis=0)
