# Leaves out x.
# breaks: relu_backward
# hint: relu_backward(dout) cannot be called with the 2 arguments the grader passes (dout, x).
def relu_backward(dout):
    return dout
