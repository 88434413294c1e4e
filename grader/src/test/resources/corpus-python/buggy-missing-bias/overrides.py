# Forgets the bias.
# breaks: linear_forward
# hint: Your output equals x @ w without the bias: add b
def linear_forward(x, w, b):
    return x @ w
