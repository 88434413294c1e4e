# dx sums over the wrong axis: each row of x scaled by the row's total gradient.
# breaks: linear_backward
# hint: scales each row of x by that row's total of dout
def linear_backward(dout, x, w, b):
    return x * np.sum(dout, axis=1, keepdims=True), x.T @ dout, np.sum(dout, axis=0)
