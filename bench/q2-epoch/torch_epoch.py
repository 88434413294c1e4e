"""Seconds per training epoch of the same MLP in PyTorch on CPU: Adam, softmax cross-entropy,
minibatches of 64 from the 55000 training images in a fresh random order every epoch.

Usage: /usr/bin/python3 torch_epoch.py HIDDEN THREADS EPOCHS [LABEL]
Set OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS) to THREADS before starting: torch.set_num_threads
does not reach OpenBLAS's own thread pool. Prints one line per epoch, like EpochBench.
"""
import gzip
import os
import sys
import time

import numpy as np
import torch

DATA = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")


def idx(name, offset):
    with gzip.open(os.path.join(DATA, name)) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    hidden, threads, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    label = sys.argv[4] if len(sys.argv) > 4 else "default"
    dtype = torch.float64 if os.environ.get("DTYPE") == "float64" else torch.float32
    batch = int(os.environ.get("BATCH", "64"))
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    rng = np.random.default_rng(1)
    x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float64) / 255
    y = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    keep = rng.permutation(len(x))[5000:]
    X, Y = torch.tensor(x[keep], dtype=dtype), torch.tensor(y[keep])
    sizes = [784] + [int(h) for h in hidden.split(",")] + [10]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers).to(dtype)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = torch.from_numpy(rng.permutation(len(X)))
        total, correct = 0.0, 0
        for s in range(0, len(X), batch):
            b = order[s:s + batch]
            opt.zero_grad()
            logits = net(X[b])
            loss = loss_fn(logits, Y[b])
            loss.backward()
            opt.step()
            total += loss.item() * len(b)
            correct += (logits.argmax(1) == Y[b]).sum().item()
        seconds = time.perf_counter() - start
        print(f"torch/{label} {hidden} threads={threads} batch={batch} epoch={epoch} seconds={seconds:.3f} "
              f"{str(dtype).replace('torch.', '')} loss {total / len(X):.4f} acc {100 * correct / len(X):.2f}%",
              flush=True)


if __name__ == "__main__":
    main()
