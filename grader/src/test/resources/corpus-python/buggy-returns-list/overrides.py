# Returns nested lists.
# breaks: relu_forward
# hint: out is a Python list, not a numpy array: return np.array(...)
def relu_forward(x):
    return [[max(0.0, v) for v in row] for row in x.tolist()]
