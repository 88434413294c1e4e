"""The model worker's full pass: by the model compiled for inference only where that is the same
function on the sample, else by the model as it is. Run from the worker module:
PYTHONPATH=src/main/python python3 -m unittest discover -s src/test/python
"""
import unittest

try:
    import torch
except ImportError:  # Debian's python3-torch: the grader needs it only for my_model.pt
    torch = None

from hw5_worker import model

IMAGES = 1000
PLAIN = ("(N, 1, 28, 28), pixels / 255", "(N, 1, 28, 28)", 1 / 255, 0.0, 1.0)


def images():
    generator = torch.Generator().manual_seed(5)
    return bytes(torch.randint(0, 256, (IMAGES, 28, 28), dtype=torch.uint8, generator=generator).flatten().tolist())


def labels_as_it_is(module, pixels):
    name, shape, scale, mean, std = PLAIN
    return [int(v) for v in model._outputs(module, pixels, shape, scale, mean, std).argmax(dim=1)]


def evaluation(module, pixels):
    """An Evaluation of module under the one convention PLAIN, as the worker makes one after loading."""
    evaluation = model.Evaluation.__new__(model.Evaluation)
    evaluation._model, evaluation._images, evaluation._conventions, evaluation._scores = module, pixels, [PLAIN], {}
    return evaluation


if torch is not None:
    class Counting(torch.nn.Module):
        """Scores that move with the number of calls so far: a function of its state, not of the image alone."""

        def __init__(self):
            super().__init__()
            self.calls = 0
            self.linear = torch.nn.Linear(784, 10)

        def forward(self, x):
            self.calls += 1
            return self.linear(x.reshape(-1, 784)) + self.calls * torch.arange(10.0)


@unittest.skipIf(torch is None, "needs PyTorch (Debian's python3-torch)")
class FullPassTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(3)
        torch.set_num_threads(1)
        self.pixels = images()

    def cnn(self):
        return torch.nn.Sequential(
            torch.nn.Conv2d(1, 8, 3, padding=1), torch.nn.BatchNorm2d(8), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(8 * 14 * 14, 10)).eval()

    def test_a_torchscript_cnn_is_compiled_and_labels_every_image_as_it_would_itself(self):
        module = torch.jit.script(self.cnn())
        expected = labels_as_it_is(module, self.pixels)
        run = evaluation(module, self.pixels)
        run.sample()
        name, shape, scale, mean, std = PLAIN
        self.assertIsNotNone(model._for_inference(module, self.pixels, shape, scale, mean, std, run._scores[0]))
        self.assertEqual(expected, run.complete(0))

    def test_a_module_that_is_not_torchscript_labels_every_image_as_it_would_itself(self):
        module = self.cnn()
        expected = labels_as_it_is(module, self.pixels)
        run = evaluation(module, self.pixels)
        run.sample()
        self.assertEqual(expected, run.complete(0))

    def test_a_compiled_copy_that_differs_on_the_sample_is_not_used(self):
        module = torch.jit.script(Counting().eval())
        run = evaluation(module, self.pixels)
        run.sample()
        name, shape, scale, mean, std = PLAIN
        self.assertIsNone(model._for_inference(module, self.pixels, shape, scale, mean, std, run._scores[0]))
        # The model as it is goes on counting from where the sample and the attempt left it.
        calls = int(module.calls)
        labels = run.complete(0)
        self.assertEqual((IMAGES - model.SAMPLE) // model.BATCH, int(module.calls) - calls)
        self.assertEqual(IMAGES, len(labels))


if __name__ == "__main__":
    unittest.main()


@unittest.skipIf(torch is None, "needs PyTorch (Debian's python3-torch)")
class NewerFormatTest(unittest.TestCase):
    """A file saved by a newer PyTorch than the grader's: the student is told so, and how to save one the
    grader reads, not PyTorch's own advice to upgrade (theirs is the newer one)."""

    @staticmethod
    def with_version(saved, version):
        import io
        import zipfile
        source = zipfile.ZipFile(io.BytesIO(saved))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as target:
            for name in source.namelist():
                data = source.read(name)
                target.writestr(name, b"%d\n" % version if name.endswith("/version") and "/.data/" not in name else data)
        return out.getvalue()

    def assert_told_newer(self, saved):
        with self.assertRaises(model.ModelError) as raised:
            model.load(self.with_version(saved, 99), None, [])
        message = str(raised.exception)
        self.assertIn("saved by a newer PyTorch than the grader's", message)
        self.assertIn("this file is version 99", message)
        self.assertIn("_use_new_zipfile_serialization=False", message)
        self.assertNotIn("upgrade", message)

    def test_a_newer_torchscript_file_is_named_as_such(self):
        import io
        buffer = io.BytesIO()
        torch.jit.save(torch.jit.script(torch.nn.Linear(784, 10)), buffer)
        self.assert_told_newer(buffer.getvalue())

    def test_a_newer_state_dict_is_named_as_such(self):
        import io
        buffer = io.BytesIO()
        torch.save(torch.nn.Linear(784, 10).state_dict(), buffer)
        self.assert_told_newer(buffer.getvalue())

    def test_an_operation_the_graders_pytorch_lacks_is_named_as_such(self):
        import io
        import zipfile
        buffer = io.BytesIO()
        torch.jit.save(torch.jit.script(torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10),
                                                            torch.nn.ReLU())), buffer)
        source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as target:
            for name in source.namelist():  # ReLU as a later PyTorch might call an operation of its own
                target.writestr(name, source.read(name).replace(b"torch.relu", b"torch.relu_from_the_future"))
        with self.assertRaises(model.ModelError) as raised:
            model.load(out.getvalue(), None, [])
        message = str(raised.exception)
        self.assertIn("uses aten::relu_from_the_future", message)
        self.assertIn("most likely saved by a newer PyTorch", message)
        self.assertIn("_use_new_zipfile_serialization=False", message)

    def test_the_older_format_it_recommends_loads(self):
        import io
        buffer = io.BytesIO()
        torch.save(torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10)).state_dict(), buffer,
                   _use_new_zipfile_serialization=False)
        notebook = (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code",'
                    b' "metadata": {}, "execution_count": null, "outputs": [], "source": ['
                    b'"import torch\\n", "net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10))"]}]}')
        loaded, carries = model.load(buffer.getvalue(), notebook, [])
        self.assertFalse(carries)
        self.assertEqual((10, 784), tuple(loaded[1].weight.shape))
