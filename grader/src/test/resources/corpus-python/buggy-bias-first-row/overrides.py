# The bias added to the first row of the batch only.
# breaks: linear_forward
# hint: adds the bias to the first row only
def linear_forward(x, w, b):
    out = x @ w
    out[0] += b
    return out
