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
