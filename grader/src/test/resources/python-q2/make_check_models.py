"""Makes small Python-edition Q2 folders with real PyTorch for PythonCheckQ2Test, in seconds: make_models.py's CNN
(batch norm, dropout, normalised inputs) and nn.Sequential MLP, each trained briefly on Fashion-MNIST training images,
saved as students save them beside q2.ipynb and a predictions.npy (no held-out label is read):

    state-dict   the CNN's state_dict and its own predictions
    torchscript  the CNN traced (no notebook needed) and its own predictions
    other-run    the CNN's state_dict with the MLP's predictions: from another model
    course-notebook  the CNN with its preprocessing, traced and saved as the course's q2.ipynb saves it

Usage: python3 make_check_models.py OUT TRAIN_IMAGES.gz TRAIN_LABELS.gz HELDOUT_IMAGES
"""
import os
import sys

import numpy as np
import torch

sys.dont_write_bytecode = True  # nothing left among the test resources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_models  # noqa: E402 - the notebook cells, the reader of idx files and the training loop

IMAGES = 1000


def main(out, train_images, train_labels, heldout_images):
    torch.manual_seed(0)
    torch.set_num_threads(1)
    namespace = vars(make_models)
    exec(make_models.NET_CELL.replace("from torchvision import transforms",
                                      "class transforms:\n    Normalize = lambda *a: None"), namespace)
    exec(make_models.MLP_CELL, namespace)
    images = torch.from_numpy(make_models.idx(train_images, True)[:IMAGES].astype(np.float32))
    labels = torch.from_numpy(make_models.idx(train_labels, True)[:IMAGES].astype(np.int64))
    held = torch.from_numpy(make_models.idx(heldout_images, False).astype(np.float32))

    def as_cnn(pixels):
        return ((pixels / 255.0 - 0.2860) / 0.3530).reshape(-1, 1, 28, 28)

    def as_mlp(pixels):
        return (pixels / 255.0).reshape(-1, 784)

    net = make_models.train(namespace["Net"](), as_cnn(images), labels, epochs=1)
    mlp = make_models.train(namespace["mlp"], as_mlp(images), labels, epochs=1)
    net_predictions = make_models.predict(net, as_cnn(held))
    mlp_predictions = make_models.predict(mlp, as_mlp(held))

    def folder(name, saver, predictions, notebook):
        path = os.path.join(out, name)
        os.makedirs(path)
        np.save(os.path.join(path, "predictions.npy"), predictions.astype(np.int64))
        if notebook:
            with open(os.path.join(path, "q2.ipynb"), "w") as f:
                f.write(make_models.notebook(make_models.NET_CELL, make_models.TRAINING_CELL))
        saver(os.path.join(path, "my_model.pt"))

    folder("state-dict", lambda p: torch.save(net.state_dict(), p), net_predictions, True)
    folder("torchscript", lambda p: torch.jit.save(torch.jit.trace(net, as_cnn(held[:2])), p), net_predictions, False)
    folder("other-run", lambda p: torch.save(net.state_dict(), p), mlp_predictions, True)

    class CarriesItsInput(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, images):
            return self.inner(((images.float() / 255.0 - 0.2860) / 0.3530).unsqueeze(1))

    carrier = torch.jit.trace(CarriesItsInput(net).eval(), torch.zeros(2, 28, 28, dtype=torch.uint8))
    folder("course-notebook", lambda p: torch.jit.save(carrier, p, _extra_files={"hw5_input": "uint8 (N, 28, 28)"}),
           make_models.predict(carrier, held.to(torch.uint8).reshape(-1, 28, 28)), False)


if __name__ == "__main__":
    main(*sys.argv[1:])
