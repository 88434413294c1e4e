# One function not written at all.
# breaks: softmax_backward
# hint: q1.py has no function softmax_backward. Expected: def softmax_backward(dout, x):
# remove: softmax_backward
