# The sum of dout * s without keepdims: broadcast along the wrong axis where N = K, an error elsewhere.
# breaks: softmax_backward
# hint: np.sum(dout * s, axis=1, keepdims=True) is (N, 1)
def softmax_backward(dout, x):
    s = softmax_forward(x)
    return s * (dout - np.sum(dout * s, axis=1))
