# Takes the subgradient 1 at x == 0: both conventions are accepted.
# breaks: nothing
def relu_backward(dout, x):
    return dout * (x >= 0)
