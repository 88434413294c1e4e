# einsum for the linear layer, softmax through log-sum-exp.
# breaks: nothing
def linear_forward(x, w, b):
    return np.einsum("nd,dm->nm", x, w) + b


def softmax_forward(x):
    m = np.max(x, axis=1, keepdims=True)
    log_sum = m + np.log(np.sum(np.exp(x - m), axis=1, keepdims=True))
    return np.exp(x - log_sum)
