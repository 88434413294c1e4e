# Forgets the return statement.
# breaks: relu_backward
# hint: relu_backward returned None; it must return a numpy array of the shape of x.
def relu_backward(dout, x):
    dx = dout * (x > 0)
