# Forgets db.
# breaks: linear_backward
# hint: it returned a tuple of 2 values; linear_backward must return 3 arrays: return dx, dw, db
def linear_backward(dout, x, w, b):
    return dout @ w.T, x.T @ dout
