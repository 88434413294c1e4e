"""Seconds per training epoch of the reference Q2 network in PyTorch on CPU, as DJL trains it
(reference-solution/src/main/java/hw5/Q2.java): a 3x3 convolution (16 filters) with batch norm,
ReLU and 2x2 max pooling, a 3x3 convolution at stride 2 (64 filters) with batch norm and ReLU, a
linear layer to 10 scores; Adam whose learning rate falls along a cosine from 3e-3 to 2% of it over
the run; softmax cross-entropy; minibatches of 128 from the 55000 training images in a fresh random
order every epoch.

Usage: /usr/bin/python3 torch_epoch.py THREADS EPOCHS
Set OPENBLAS_NUM_THREADS and OMP_NUM_THREADS to THREADS before starting (torch.set_num_threads
does not reach OpenBLAS's own pool). Prints one line per epoch, like EpochBench.
"""
import gzip
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn

DATA = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
BATCH, LR, FINAL = 128, 3e-3, 0.02


def idx(name, offset):
    with gzip.open(os.path.join(DATA, name)) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    threads, epochs = int(sys.argv[1]), int(sys.argv[2])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    rng = np.random.default_rng(1)
    x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
    y = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    keep = rng.permutation(len(x))[5000:]
    X, Y = torch.from_numpy(x[keep]), torch.from_numpy(y[keep])
    net = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 64, 3, stride=2, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 10))
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    steps = epochs * math.ceil(len(X) / BATCH)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps, eta_min=LR * FINAL)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = torch.from_numpy(rng.permutation(len(X)))
        total, correct = 0.0, 0
        for s in range(0, len(X), BATCH):
            b = order[s:s + BATCH]
            opt.zero_grad()
            logits = net(X[b])
            loss = loss_fn(logits, Y[b])
            loss.backward()
            opt.step()
            schedule.step()
            total += loss.item() * len(b)
            correct += (logits.argmax(1) == Y[b]).sum().item()
        seconds = time.perf_counter() - start
        print(f"torch cnn threads={threads} batch={BATCH} epoch={epoch} seconds={seconds:.3f} "
              f"loss {total / len(X):.4f} acc {100 * correct / len(X):.2f}% (PyTorch {torch.__version__})", flush=True)


if __name__ == "__main__":
    main()
