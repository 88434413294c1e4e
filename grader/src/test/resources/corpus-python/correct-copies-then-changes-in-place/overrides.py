# Copies the argument, then works in place on the copy: the argument is untouched.
# breaks: nothing
def relu_forward(x):
    out = x.copy()
    out[out < 0] = 0
    return out
