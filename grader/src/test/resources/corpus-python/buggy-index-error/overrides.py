# Loops over M where it means D: wrong values, or an IndexError where M > D.
# breaks: linear_forward
# hint: linear_forward raised IndexError
# hint: An index is out of range: check each loop's range against the array's shape
def linear_forward(x, w, b):
    out = np.zeros((x.shape[0], w.shape[1]))
    for i in range(x.shape[0]):
        for j in range(w.shape[1]):
            for k in range(w.shape[1]):
                out[i, j] += x[i, k] * w[k, j]
    return out + b
