# Softmax without exp.
# breaks: softmax_forward, softmax_backward
# hint: divides x by its row's sum without exponentiating
def softmax_forward(x):
    return x / np.sum(x, axis=1, keepdims=True)
