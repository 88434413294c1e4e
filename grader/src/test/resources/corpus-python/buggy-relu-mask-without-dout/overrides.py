# The mask alone.
# breaks: relu_backward
# hint: You returned the ReLU mask (x > 0) without multiplying by dout: dx = dout * (x > 0).
def relu_backward(dout, x):
    return (x > 0).astype(float)
