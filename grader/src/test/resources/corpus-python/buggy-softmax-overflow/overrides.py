# exp without subtracting the row maximum: NaN for large logits.
# breaks: softmax_forward, softmax_backward
# hint: Subtract each row's maximum from the row before exponentiating
def softmax_forward(x):
    e = np.exp(x)
    return e / np.sum(e, axis=1, keepdims=True)
