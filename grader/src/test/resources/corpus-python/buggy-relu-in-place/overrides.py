# Zeroes the argument in place and hands it back.
# breaks: relu_forward
# hint: it modified its argument x: x[
# hint: copy first: x = x.copy()
# hint: it returned its argument x (or a view of it) as out
def relu_forward(x):
    x[x < 0] = 0
    return x
