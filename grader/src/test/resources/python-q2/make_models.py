"""Makes Python-edition Q2 submissions with real PyTorch, one per way students save a model, for
TorchModelTest: trains small models for a few seconds (a CNN with batch norm and dropout on
normalised inputs, an nn.Sequential MLP on pixels / 255, an MLP on raw pixels 0..255, and a CNN
normalised with constants held in variables), saves each in every accepted way beside q1.py,
q2.ipynb and predictions.npy, and records the held-out accuracy PyTorch itself measures for each
(the labels serve only that record). Also the course notebook's own save (TorchScript carrying its
preprocessing), a predictions file of the wrong length, the true labels without a model, and
hostile model files.

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
RAW_CELL = '''import torch
from torch import nn

raw_mlp = nn.Sequential(nn.Flatten(), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10))
'''
# Normalised with constants in variables, in a Lambda and in plain arithmetic: no Normalize(...) call.
VARIABLES_CELL = '''import torch
from torch import nn
from torchvision import transforms

MEAN = 0.1307
STD = 0.3081
to_input = transforms.Lambda(lambda x: (x - MEAN) / STD)


def prepare(pixels):
    return (pixels / 255.0 - MEAN) / STD


class Small(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.out = nn.Linear(4 * 14 * 14, 10)

    def forward(self, x):
        return self.out(torch.flatten(nn.functional.max_pool2d(torch.relu(self.conv(x)), 2), 1))
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
    exec(RAW_CELL, namespace)
    exec(VARIABLES_CELL.replace("from torchvision import transforms", "class transforms:\n    Lambda = lambda *a: None"),
         namespace)
    images = torch.from_numpy(idx(train_images, True)[:6000].astype(np.float32))
    labels = torch.from_numpy(idx(train_labels, True)[:6000].astype(np.int64))
    held = torch.from_numpy(idx(heldout_images, False).astype(np.float32))
    truth = idx(heldout_labels, False)

    def as_cnn(pixels):
        return ((pixels / 255.0 - 0.2860) / 0.3530).reshape(-1, 1, 28, 28)

    def as_mlp(pixels):
        return (pixels / 255.0).reshape(-1, 784)

    def as_raw(pixels):
        return pixels.reshape(-1, 784)

    def as_variables(pixels):
        return ((pixels / 255.0 - 0.1307) / 0.3081).reshape(-1, 1, 28, 28)

    net = train(namespace["Net"](), as_cnn(images), labels)
    mlp = train(namespace["mlp"], as_mlp(images), labels)
    raw = train(namespace["raw_mlp"], as_raw(images), labels)
    small = train(namespace["Small"](), as_variables(images), labels)
    net_predictions, mlp_predictions = predict(net, as_cnn(held)), predict(mlp, as_mlp(held))
    raw_predictions, small_predictions = predict(raw, as_raw(held)), predict(small, as_variables(held))

    class CarriesItsInput(nn.Module):
        """As the course's q2.ipynb saves a model: its preprocessing inside, the held-out images in."""

        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, images):
            return self.inner(((images.float() / 255.0 - 0.2860) / 0.3530).unsqueeze(1))

    carrier = torch.jit.trace(CarriesItsInput(net).eval(), torch.zeros(2, 28, 28, dtype=torch.uint8))
    held_uint8 = torch.from_numpy(idx(heldout_images, False).copy())
    carrier_predictions = predict(carrier, held_uint8)
    expected = {}

    def submission(name, saver, predictions, cells, convention, scored=None):
        """scored: the labels the grader should score, when not the predictions file's."""
        folder = os.path.join(out, name)
        os.makedirs(folder)
        shutil.copy(q1, os.path.join(folder, "q1.py"))
        np.save(os.path.join(folder, "predictions.npy"), predictions.astype(np.int64))
        if cells is not None:
            with open(os.path.join(folder, "q2.ipynb"), "w") as f:
                f.write(notebook(*cells))
        saver(os.path.join(folder, "my_model.pt"))
        labels = predictions if scored is None else scored
        expected[name] = {"accuracy": round(100.0 * float(np.mean(labels == truth)), 2), "convention": convention}

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
    submission("course-notebook", lambda p: torch.jit.save(carrier, p, _extra_files={"hw5_input": "uint8 (N, 28, 28)"}),
               carrier_predictions, [NET_CELL], "as saved: the held-out images as uint8 (N, 28, 28), the model's own"
               " preprocessing")
    # It flattens its input, so it takes both shapes alike: either is right.
    submission("raw-pixels", lambda p: torch.save(raw.state_dict(), p), raw_predictions, [RAW_CELL, TRAINING_CELL],
               "pixels 0..255")
    submission("constants-in-variables", lambda p: torch.save(small.state_dict(), p), small_predictions,
               [VARIABLES_CELL, TRAINING_CELL], "(N, 1, 28, 28), (pixels / 255 - 0.1307) / 0.3081")
    # Predictions of the wrong length: the model alone is scored, and verified.
    submission("wrong-length-predictions", lambda p: torch.save(small.state_dict(), p), small_predictions[:-1],
               [VARIABLES_CELL], "(N, 1, 28, 28), (pixels / 255 - 0.1307) / 0.3081", scored=small_predictions)
    # A state_dict without the notebook that defines its class.
    submission("state-dict-without-notebook", lambda p: torch.save(net.state_dict(), p), net_predictions, None, None)
    answers = [os.path.abspath(heldout_labels), "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"]
    for name, action in HOSTILE.items():
        code = action.replace("PATHS", repr(answers))
        submission("hostile-" + name, lambda p, c=code: torch.save(Hostile(c), p), net_predictions, [NET_CELL], None)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


if __name__ == "__main__":
    main(*sys.argv[1:])
