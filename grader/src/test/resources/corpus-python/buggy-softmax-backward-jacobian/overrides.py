# The (N, K, K) Jacobian returned instead of its product with dout.
# breaks: softmax_backward
# hint: that is the softmax Jacobian, one (K, K) matrix per row
def softmax_backward(dout, x):
    s = softmax_forward(x)
    return np.stack([np.diag(row) - np.outer(row, row) for row in s])
