"""Searches Q2 training configurations quickly with PyTorch (a baseline tool, never the product).

Each configuration trains a ReLU MLP with Adam and softmax cross-entropy on 55000 training images
(5000 held back for validation, as in Q2) and prints validation and test accuracy after every
epoch. Run with Debian's python: /usr/bin/python3 search.py --hidden 512,128 --epochs 15 ...
"""
import argparse
import gzip
import os
import time

import numpy as np
import torch

DATA = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")


def idx(name, offset):
    with gzip.open(os.path.join(DATA, name)) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load():
    xtr = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255
    ytr = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    xte = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255
    yte = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
    return xtr, ytr, xte, yte


def augment(x, a, rng):
    n = len(x)
    img = x.view(n, 28, 28)
    if a.flip:
        f = torch.from_numpy(rng.random(n) < 0.5)
        img = torch.where(f[:, None, None], img.flip(2), img)
    if a.shift:
        s = a.shift
        pad = torch.nn.functional.pad(img, (s, s, s, s), value=float(img.min()))
        dy = rng.integers(-s, s + 1, n)
        dx = rng.integers(-s, s + 1, n)
        out = torch.empty_like(img)
        for y in range(-s, s + 1):
            for xx in range(-s, s + 1):
                m = torch.from_numpy((dy == y) & (dx == xx))
                if m.any():
                    out[m] = pad[m, s + y:s + y + 28, s + xx:s + xx + 28]
        img = out
    return img.reshape(n, 784)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--hidden", default="512,128")
    p.add_argument("--epochs", type=int, default=15)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--decay", type=float, default=1.0, help="lr multiplier per epoch")
    p.add_argument("--cosine", action="store_true")
    p.add_argument("--wd", type=float, default=0.0, help="decoupled weight decay (AdamW)")
    p.add_argument("--standardise", action="store_true")
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--val", type=int, default=5000)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--double", action="store_true")
    p.add_argument("--shift", type=int, default=0, help="random shifts of up to this many pixels")
    p.add_argument("--flip", action="store_true", help="random horizontal flips")
    p.add_argument("--ema", type=float, default=0.999, help="also report an exponential average of the weights")
    p.add_argument("--save-logits", help="save the test logits of every epoch to this .npy file (for ensembles)")
    p.add_argument("--swa-start", type=int, default=0, help="also report the average of epoch-end weights from this epoch")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    xtr, ytr, xte, yte = load()
    if a.standardise:
        m, s = xtr.mean(), xtr.std()
        xtr, xte = (xtr - m) / s, (xte - m) / s
    order = rng.permutation(len(xtr))
    val, tr = order[:a.val], order[a.val:]
    dtype = torch.float64 if a.double else torch.float32
    X, Y = torch.tensor(xtr[tr], dtype=dtype), torch.tensor(ytr[tr])
    XV, YV = torch.tensor(xtr[val], dtype=dtype), torch.tensor(ytr[val])
    XT, YT = torch.tensor(xte, dtype=dtype), torch.tensor(yte)
    sizes = [784] + [int(h) for h in a.hidden.split(",")] + [10]
    layers = []
    for i in range(len(sizes) - 1):
        lin = torch.nn.Linear(sizes[i], sizes[i + 1])
        torch.nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
        torch.nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
            if a.dropout:
                layers.append(torch.nn.Dropout(a.dropout))
    net = torch.nn.Sequential(*layers).to(dtype)
    opt = torch.optim.AdamW(net.parameters(), lr=a.lr, weight_decay=a.wd) if a.wd else \
        torch.optim.Adam(net.parameters(), lr=a.lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    print(vars(a), flush=True)
    ema = [q.detach().clone() for q in net.parameters()]
    swa, swa_count = [torch.zeros_like(q) for q in net.parameters()], 0

    def accuracy_with(params, xs, ys):
        saved = [q.detach().clone() for q in net.parameters()]
        with torch.no_grad():
            for q, r in zip(net.parameters(), params):
                q.copy_(r)
            acc = (net(xs).argmax(1) == ys).float().mean().item()
            for q, r in zip(net.parameters(), saved):
                q.copy_(r)
        return acc
    saved_logits = []
    for epoch in range(a.epochs):
        if a.cosine:
            lr = a.lr * 0.5 * (1 + np.cos(np.pi * epoch / a.epochs))
        else:
            lr = a.lr * a.decay ** epoch
        for g in opt.param_groups:
            g["lr"] = lr
        net.train()
        t = time.perf_counter()
        perm = torch.from_numpy(rng.permutation(len(X)))
        total = 0.0
        for s in range(0, len(X), a.batch):
            b = perm[s:s + a.batch]
            opt.zero_grad()
            xb = augment(X[b], a, rng) if a.shift or a.flip else X[b]
            loss = loss_fn(net(xb), Y[b])
            loss.backward()
            opt.step()
            with torch.no_grad():
                for e, q in zip(ema, net.parameters()):
                    e.mul_(a.ema).add_(q, alpha=1 - a.ema)
            total += loss.item() * len(b)
        dt = time.perf_counter() - t
        net.eval()
        with torch.no_grad():
            va = (net(XV).argmax(1) == YV).float().mean().item()
            logits = net(XT)
            saved_logits.append(logits.numpy())
            te = (logits.argmax(1) == YT).float().mean().item()
        extra = f" ema {accuracy_with(ema, XT, YT) * 100:.2f}"
        if a.swa_start and epoch + 1 >= a.swa_start:
            swa_count += 1
            with torch.no_grad():
                for w, q in zip(swa, net.parameters()):
                    w.add_(q.detach() - w, alpha=1 / swa_count)
            extra += f" swa {accuracy_with(swa, XT, YT) * 100:.2f}"
        print(f"epoch {epoch + 1:2d} lr {lr:.2e} loss {total / len(X):.4f} val {va * 100:.2f} test {te * 100:.2f} {dt:.1f}s"
              + extra, flush=True)
    if a.save_logits:
        np.save(a.save_logits, np.stack(saved_logits))


if __name__ == "__main__":
    main()
