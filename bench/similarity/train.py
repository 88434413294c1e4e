"""Trains small independent networks on Fashion-MNIST with numpy and saves their held-out predictions.

Each model differs in seed, hidden width and epochs, as independent students' models would: they
calibrate the thresholds for "predictions whose errors agree far more than independent errors
would" (see README.md). Usage, from the repository root:

    python3 bench/similarity/train.py OUT_FOLDER [--models N]

Reads Debian's /usr/share/datasets/fashion-mnist (or $FASHION_MNIST_DIR) for training and
heldout/public + heldout/hidden for the held-out images and labels. Writes OUT_FOLDER/model-NN.npy
(uint8, one label per held-out image, in the held-out order) and prints each model's accuracy.
"""
import argparse
import gzip
import os

import numpy as np

# seed, hidden units, epochs: the first ten are the committed grader/src/test/resources/independent-predictions.
CONFIGURATIONS = [(1, 64, 2), (2, 64, 2), (3, 128, 3), (4, 128, 3), (5, 256, 4), (6, 32, 1), (7, 256, 5),
                  (8, 100, 3), (9, 128, 6), (10, 64, 3), (11, 256, 12), (12, 256, 12), (13, 400, 10)]


def idx(path, offset):
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    return np.frombuffer(raw, np.uint8, offset=offset)


def train(x, y, held_out, seed, hidden, epochs, lr=0.1, batch=64):
    """A 784-hidden-10 ReLU network, plain minibatch SGD on softmax cross-entropy."""
    r = np.random.default_rng(seed)
    w1, b1 = r.normal(0, np.sqrt(2 / 784), (784, hidden)), np.zeros(hidden)
    w2, b2 = r.normal(0, np.sqrt(2 / hidden), (hidden, 10)), np.zeros(10)
    for _ in range(epochs):
        order = r.permutation(len(x))
        for start in range(0, len(x), batch):
            i = order[start:start + batch]
            h = np.maximum(0, x[i] @ w1 + b1)
            z = h @ w2 + b2
            p = np.exp(z - z.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            p[np.arange(len(i)), y[i]] -= 1
            p /= len(i)
            dh = p @ w2.T * (h > 0)
            w2 -= lr * (h.T @ p)
            b2 -= lr * p.sum(0)
            w1 -= lr * (x[i].T @ dh)
            b1 -= lr * dh.sum(0)
    return np.argmax(np.maximum(0, held_out @ w1 + b1) @ w2 + b2, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--models", type=int, default=len(CONFIGURATIONS))
    args = parser.parse_args()
    data = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
    x = idx(os.path.join(data, "train-images-idx3-ubyte.gz"), 16).reshape(-1, 784) / 255.0
    y = idx(os.path.join(data, "train-labels-idx1-ubyte.gz"), 8).astype(int)
    held_out = idx("heldout/public/images-idx3-ubyte", 16).reshape(-1, 784) / 255.0
    labels = idx("heldout/hidden/labels-idx1-ubyte", 8).astype(int)
    os.makedirs(args.out, exist_ok=True)
    for k, (seed, hidden, epochs) in enumerate(CONFIGURATIONS[:args.models]):
        predictions = train(x, y, held_out, seed, hidden, epochs)
        np.save(os.path.join(args.out, "model-%02d.npy" % k), predictions.astype(np.uint8))
        print("model-%02d seed %d, %d hidden, %d epochs: %.2f%%" % (k, seed, hidden, epochs,
                                                                    100 * (predictions == labels).mean()), flush=True)


if __name__ == "__main__":
    main()
