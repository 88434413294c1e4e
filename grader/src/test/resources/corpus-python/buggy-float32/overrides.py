# Computes softmax in float32 (its backward, which uses it, loses precision too).
# breaks: softmax_forward, softmax_backward
# hint: out holds float32 numbers: compute in float64
def softmax_forward(x):
    x = x.astype(np.float32)
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
