# Only the diagonal of the softmax Jacobian.
# breaks: softmax_backward
# hint: You used only the diagonal of the softmax Jacobian, s * (1 - s) * dout.
def softmax_backward(dout, x):
    s = softmax_forward(x)
    return s * (1 - s) * dout
