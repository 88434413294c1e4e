# Plain Python loops over the entries, the arrays made at the end: slow but right.
# breaks: nothing
def linear_forward(x, w, b):
    n, d = x.shape
    m = w.shape[1]
    out = [[b[j] + sum(x[i, k] * w[k, j] for k in range(d)) for j in range(m)] for i in range(n)]
    return np.array(out)


def relu_forward(x):
    return np.array([[v if v > 0 else 0.0 for v in row] for row in x])
