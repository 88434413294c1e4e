# Java's name for the function.
# breaks: softmax_backward
# hint: found softmaxBackward but the grader calls softmax_backward
# hint: Expected: def softmax_backward(dout, x):
# remove: softmax_backward
def softmaxBackward(dout, x):
    s = softmax_forward(x)
    return s * (dout - np.sum(dout * s, axis=1, keepdims=True))
