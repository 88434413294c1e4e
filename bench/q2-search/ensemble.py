"""Accuracy of averaged logits of networks saved by search.py --save-logits, epoch by epoch."""
import gzip
import os
import sys

import numpy as np

DATA = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
with gzip.open(os.path.join(DATA, "t10k-labels-idx1-ubyte.gz")) as f:
    labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
members = [np.load(name) for name in sys.argv[1:]]
for epoch in range(min(len(m) for m in members)):
    mean = sum(m[epoch] for m in members) / len(members)
    single = [(m[epoch].argmax(1) == labels).mean() * 100 for m in members]
    print(f"epoch {epoch + 1:2d} members {' '.join(f'{s:.2f}' for s in single)} ensemble {(mean.argmax(1) == labels).mean() * 100:.2f}")
