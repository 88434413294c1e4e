# dw averaged over the batch.
# breaks: linear_backward
# hint: Your dw is the right answer divided by the batch size N. dL/dw = x.T @ dout
def linear_backward(dout, x, w, b):
    return dout @ w.T, x.T @ dout / x.shape[0], np.sum(dout, axis=0)
