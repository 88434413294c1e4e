# db averaged instead of summed.
# breaks: linear_backward
# hint: np.sum(dout, axis=0), not the mean
def linear_backward(dout, x, w, b):
    return dout @ w.T, x.T @ dout, np.mean(dout, axis=0)
