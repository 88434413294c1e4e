"""Makes Python-edition Q2 submissions with real PyTorch, one per way students save a model, for
TorchModelTest: trains two small models for a few seconds (a CNN with batch norm and dropout on
normalised inputs, and an nn.Sequential MLP on pixels / 255), saves each in every accepted way
beside q1.py, q2.ipynb and predictions.npy, and records the held-out accuracy PyTorch itself
measures for each (the labels serve only that record). Also makes hostile model files.

Usage: python3 make_models.py OUT TRAIN_IMAGES.gz TRAIN_LABELS.gz HELDOUT_IMAGES HELDOUT_LABELS Q1_PY
"""
import gzip
import json
import os
import shutil
import sys

import numpy as np
import torch
from torch import nn

NET_CELL = '''import torch
from torch import nn
from torchvision import transforms  # the grader has no torchvision: this import is skipped

normalise = transforms.Normalize((0.2860,), (0.3530,))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(8 * 14 * 14, 10))

    def forward(self, x):
        return self.classifier(self.features(x))
'''
MLP_CELL = '''import torch
from torch import nn

HIDDEN = 64
mlp = nn.Sequential(nn.Flatten(), nn.Linear(784, HIDDEN), nn.ReLU(), nn.Dropout(0.2), nn.Linear(HIDDEN, 10))
'''
TRAINING_CELL = '''for epoch in range(100):
    raise RuntimeError("the grader must never run a training cell")
'''


# What hostile model files do when they are unpickled (the grader loads them only in its sandbox).
HOSTILE = {
    "reads-answers": "for name in PATHS:\n    try:\n        print('READ', name, len(open(name, 'rb').read()))\n"
                     "    except OSError as e:\n        print('DENIED', name, type(e).__name__)\nraise RuntimeError('no model here')",
    "opens-a-socket": "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 22), timeout=2).close()\n"
                      "    print('NET connected')\nexcept OSError as e:\n    print('NET failed', e)\nraise RuntimeError('no model here')",
    "exits": "import os\nos._exit(3)",
    "sleeps": "import time\ntime.sleep(10 ** 6)",
}


class Hostile:
    """Unpickling runs exec(code): what a model file can do to whoever loads it."""

    def __init__(self, code):
        self.code = code

    def __reduce__(self):
        return exec, (self.code,)


def notebook(*cells):
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Q2\n"]}] + [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": cell}
        for cell in cells]})


def idx(path, gz):
    data = (gzip.open if gz else open)(path, "rb").read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def train(model, x, y, epochs=2):
    torch.manual_seed(0)
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3)
    model.train()
    for _ in range(epochs):
        for start in range(0, len(x), 100):
            optimiser.zero_grad()
            loss = nn.functional.cross_entropy(model(x[start:start + 100]), y[start:start + 100])
            loss.backward()
            optimiser.step()
    return model.eval()


def predict(model, x):
    with torch.no_grad():
        return torch.cat([model(x[s:s + 1000]).argmax(1) for s in range(0, len(x), 1000)]).numpy()


def main(out, train_images, train_labels, heldout_images, heldout_labels, q1):
    torch.manual_seed(0)
    torch.set_num_threads(1)
    namespace = globals()
    exec(NET_CELL.replace("from torchvision import transforms", "class transforms:\n    Normalize = lambda *a: None"),
         namespace)
    exec(MLP_CELL, namespace)
    images = torch.from_numpy(idx(train_images, True)[:6000].astype(np.float32))
    labels = torch.from_numpy(idx(train_labels, True)[:6000].astype(np.int64))
    held = torch.from_numpy(idx(heldout_images, False).astype(np.float32))
    truth = idx(heldout_labels, False)

    def as_cnn(pixels):
        return ((pixels / 255.0 - 0.2860) / 0.3530).reshape(-1, 1, 28, 28)

    def as_mlp(pixels):
        return (pixels / 255.0).reshape(-1, 784)

    net = train(namespace["Net"](), as_cnn(images), labels)
    mlp = train(namespace["mlp"], as_mlp(images), labels)
    net_predictions, mlp_predictions = predict(net, as_cnn(held)), predict(mlp, as_mlp(held))
    expected = {}

    def submission(name, saver, predictions, cells, convention):
        folder = os.path.join(out, name)
        os.makedirs(folder)
        shutil.copy(q1, os.path.join(folder, "q1.py"))
        np.save(os.path.join(folder, "predictions.npy"), predictions.astype(np.int64))
        if cells is not None:
            with open(os.path.join(folder, "q2.ipynb"), "w") as f:
                f.write(notebook(*cells))
        saver(os.path.join(folder, "my_model.pt"))
        expected[name] = {"accuracy": round(100.0 * float(np.mean(predictions == truth)), 2), "convention": convention}

    cnn = "(N, 1, 28, 28), (pixels / 255 - 0.286) / 0.353"
    flat = "(N, 784), pixels / 255"
    submission("torchscript", lambda p: torch.jit.save(torch.jit.trace(net, as_cnn(held[:2])), p), net_predictions, None, cnn)
    submission("whole-module", lambda p: torch.save(net, p), net_predictions, [NET_CELL, TRAINING_CELL], cnn)
    submission("state-dict", lambda p: torch.save(net.state_dict(), p), net_predictions, [NET_CELL, TRAINING_CELL], cnn)
    submission("checkpoint", lambda p: torch.save({"epoch": 2, "model_state_dict": net.state_dict()}, p),
               net_predictions, [NET_CELL, TRAINING_CELL], cnn)
    submission("sequential-state-dict", lambda p: torch.save(mlp.state_dict(), p), mlp_predictions,
               [MLP_CELL, TRAINING_CELL], flat)
    submission("sequential-whole", lambda p: torch.save(mlp, p), mlp_predictions, [MLP_CELL], flat)
    answers = [os.path.abspath(heldout_labels), "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"]
    for name, action in HOSTILE.items():
        code = action.replace("PATHS", repr(answers))
        submission("hostile-" + name, lambda p, c=code: torch.save(Hostile(c), p), net_predictions, [NET_CELL], None)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


if __name__ == "__main__":
    main(*sys.argv[1:])
