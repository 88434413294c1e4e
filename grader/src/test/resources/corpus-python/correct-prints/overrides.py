# Prints while it works: allowed, shown in the notes.
# breaks: nothing
# note: printed this while it was checked
_reference_relu_forward = relu_forward


def relu_forward(x):
    print("relu_forward got", x.shape)
    return _reference_relu_forward(x)
