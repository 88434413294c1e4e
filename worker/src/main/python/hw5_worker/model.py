"""Loads a student's my_model.pt, as they saved it, and predicts the held-out images with it under
the usual input conventions. Loading a .pt file runs code (it is a pickle): this only ever runs in
the grader's sandbox, as the student's own user, without network and without any answer.

The ways students save a model, all accepted: TorchScript (torch.jit.save); a whole module
(torch.save(model)) whose class the notebook defines; a state_dict (or a checkpoint dict holding
one) for a class defined in the notebook with a constructor without arguments, or for an
nn.Sequential built in the notebook; an nn.Sequential saved whole.

The course's q2.ipynb saves the one way that needs no guessing: a TorchScript module that carries
its own preprocessing and says so in its extra file hw5_input ("uint8 (N, 28, 28)"). It is run
once, on the held-out images as they are. Every other model is run under each usual input
convention (pixels / 255 or 0..255, normalised with the constants the notebook writes or the
usual ones, as (N, 1, 28, 28) or (N, 784)) on a sample of the images; the grader, comparing with
the student's own predictions, chooses the one to run on every image (Evaluation).
"""
import re
import sys
import types

from hw5_worker import notebook

# Images run together. Small enough that a batch's activations (a first convolution's are 10 MB at 100
# images) come from memory the allocator keeps: at 500, each batch's were fresh pages from the system,
# which cost about 0.7 s of system time per pass (bench/grade-flags).
BATCH = 100
# Conventions are compared on the first images; the full pass of the one chosen goes on from there,
# in the same batches (SAMPLE is a multiple of BATCH), so its labels are those of one whole pass.
SAMPLE = 5 * BATCH
# Constants that Fashion-MNIST courses use, tried even when the notebook does not name them: on
# pixels / 255 (0.2860 and 0.3530 are the training set's mean and standard deviation), and the same
# on pixels 0..255.
USUAL_NORMALIZATIONS = ((0.5, 0.5), (0.2860, 0.3530), (0.2860 * 255, 0.3530 * 255))
# The extra file of a TorchScript module that carries its preprocessing, and the input it names:
# the contract between the course's q2.ipynb and the grader.
INPUT_MARKER = "hw5_input"
MARKED_INPUT = "uint8 (N, 28, 28)"
# The convention of such a module; the grader tells it by this name (TorchModelScore.AS_SAVED).
AS_SAVED = "as saved: the held-out images as uint8 (N, 28, 28), the model's own preprocessing"


class ModelError(Exception):
    """The model could not be loaded or run; the message is for the student."""


# PyTorch's words when a file's format is newer than it reads: "Attempted to read a PyTorch file with
# version 11, but the maximum supported version for reading is 10."; and when TorchScript calls an
# operation it does not have: "Unknown builtin op: aten::name".
_NEWER_FORMAT = re.compile(r"file with version (\d+), but the maximum supported version for reading is (\d+)")
_UNKNOWN_OPERATION = re.compile(r"Unknown builtin op: ([\w:.]+?)\.?\s")


def _newer_pytorch(error, torch):
    """The ModelError for a file saved by a newer PyTorch than the grader's (a newer format, or
    TorchScript calling an operation the grader's lacks), or None for any other error. PyTorch's
    own words ("your PyTorch installation may be too old, please upgrade") would send the student
    to upgrade theirs, which is the newer one."""
    text = str(error)
    newer = _NEWER_FORMAT.search(text)
    unknown = _UNKNOWN_OPERATION.search(text + " ")
    if newer is not None:
        what = ("was saved by a newer PyTorch than the grader's (PyTorch %s reads file format versions up to %s;"
                " this file is version %s), so the grader cannot run it. Nothing is wrong with your model."
                % (torch.__version__, newer.group(2), newer.group(1)))
    elif unknown is not None:
        what = ("uses %s, an operation the grader's PyTorch %s does not have: it was most likely saved by a newer"
                " PyTorch, so the grader cannot run it." % (unknown.group(1), torch.__version__))
    else:
        return None
    return ModelError(
        "my_model.pt %s To have it run, save its"
        " weights in PyTorch's older format, which every version reads:"
        " torch.save(model.state_dict(), \"my_model.pt\", _use_new_zipfile_serialization=False), with the model's"
        " class (a constructor without arguments) defined in q2.ipynb; or save it with PyTorch %s."
        % (what, re.match(r"\d+\.\d+", torch.__version__).group(0)))


def _student_namespace(sources, notes):
    """A fresh __main__ holding the notebook's definitions: pickles made in a notebook name
    their classes __main__.Name."""
    import ast
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = __builtins__
    failures = 0
    for node in notebook.definitions(sources):
        code = compile(ast.Module(body=[node], type_ignores=[]), "q2.ipynb", "exec")
        try:
            exec(code, module.__dict__)  # the student's own definitions, in the sandbox
        except Exception:  # an import the grader lacks (torchvision), a definition that needs it
            failures += 1
    if failures:
        notes.append("%d statement(s) of q2.ipynb could not be run here (an import the grader does not have?);"
                     " the rest was." % failures)
    sys.modules["__main__"] = module
    return module


def _classes(module, torch):
    nn = torch.nn
    return [value for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, nn.Module) and value.__module__ == "__main__"]


def load(model_bytes, notebook_bytes, notes):
    """(model, carries_its_input): the model as an nn.Module (or TorchScript module) in eval mode,
    on the CPU, and whether it says it takes the held-out images as they are (INPUT_MARKER)."""
    import io
    import torch
    torch.set_num_threads(1)
    extra = {INPUT_MARKER: ""}
    try:
        model = torch.jit.load(io.BytesIO(model_bytes), map_location="cpu", _extra_files=extra)
    except Exception as error:  # not TorchScript: a pickle, tried below
        newer = _newer_pytorch(error, torch)
        if newer is not None:
            raise newer
        model = None
    if model is not None:
        marked = extra[INPUT_MARKER]
        marked = marked.decode("utf-8", "replace") if isinstance(marked, bytes) else str(marked)
        if marked.strip() == MARKED_INPUT:
            notes.append("my_model.pt is a TorchScript module that carries its own preprocessing: it takes the"
                         " held-out images as they are (%s)." % MARKED_INPUT)
            return model.eval(), True
        notes.append("my_model.pt is a TorchScript module." + (
            " It says it takes %r, which the grader does not know, so it is tried on the usual inputs."
            % marked[:100] if marked.strip() else ""))
        return model.eval(), False
    sources = []
    if notebook_bytes is not None:
        try:
            sources = notebook.code_cells(notebook_bytes)
        except (ValueError, UnicodeDecodeError):
            notes.append("q2.ipynb could not be read, so no class it defines was available.")
    module = _student_namespace(sources, notes)
    try:
        saved = torch.load(io.BytesIO(model_bytes), map_location="cpu")
    except Exception as error:
        newer = _newer_pytorch(error, torch)
        if newer is not None:
            raise newer
        raise ModelError("my_model.pt could not be loaded: %s: %s. If it holds a whole model, the class must be"
                         " defined in q2.ipynb; or save model.state_dict() instead." % (type(error).__name__, error))
    if isinstance(saved, torch.nn.Module):
        notes.append("my_model.pt holds a whole %s." % type(saved).__name__)
        return saved.eval(), False
    state = saved
    if isinstance(saved, dict):
        for key in ("state_dict", "model_state_dict", "model"):
            if isinstance(saved.get(key), dict):
                state = saved[key]
                break
    if not isinstance(state, dict) or not all(hasattr(v, "shape") for v in state.values()):
        raise ModelError("my_model.pt holds a %s, not a model: save the model (torch.save(model, ...)), its"
                         " state_dict (torch.save(model.state_dict(), ...)), or a TorchScript module."
                         % type(saved).__name__)
    if notebook_bytes is None:
        raise ModelError("my_model.pt holds a state_dict (the weights only), and the model's class is defined in"
                         " q2.ipynb, which is not in the submission: submit q2.ipynb too. (The notebook's last cells"
                         " save a TorchScript module, which needs nothing else.)")
    tried = []
    candidates = [(c.__name__, c) for c in _classes(module, torch)]
    candidates += [(name, value) for name, value in vars(module).items() if isinstance(value, torch.nn.Sequential)]
    for name, candidate in candidates:
        try:
            model = candidate() if isinstance(candidate, type) else candidate
            model.load_state_dict(state, strict=True)
        except Exception as error:
            tried.append("%s (%s)" % (name, str(error).split("\n")[0][:200]))
            continue
        notes.append("my_model.pt holds a state_dict, loaded into %s from q2.ipynb." % name)
        return model.eval(), False
    raise ModelError("my_model.pt holds a state_dict, but no model in q2.ipynb takes it%s. Define the model's class"
                     " (with a constructor that needs no arguments) or its nn.Sequential in q2.ipynb, or save the"
                     " whole model or a TorchScript module." % (": tried " + "; ".join(tried) if tried else
                                                                   " (it defines no nn.Module class and no nn.Sequential)"))


def _usable(pairs, seen):
    for pair in pairs:
        if all(abs(pair[0] - m) > 1e-9 or abs(pair[1] - s) > 1e-9 for m, s in seen):
            seen.append(pair)
    return seen


def conventions(notebook_bytes, carries_its_input=False):
    """(name, shape, scale, mean, std) of each input convention to try, the likeliest first: the
    model's input is (pixels * scale - mean) / std in that shape. A model that carries its own
    input takes the raw images (shape "raw", no arithmetic). Otherwise both shapes, pixels / 255
    and pixels 0..255, with no normalisation, with each one the notebook writes and with the usual
    ones; constants above 1 are taken as meant for pixels 0..255."""
    if carries_its_input:
        return [(AS_SAVED, "raw", 1.0, 0.0, 1.0)]
    pairs = []
    if notebook_bytes is not None:
        try:
            pairs = notebook.normalizations(notebook.code_cells(notebook_bytes))
        except (ValueError, UnicodeDecodeError):
            pairs = []
    # The notebook's own constants first, then none, then the usual ones: the first that runs is
    # scored when there are no usable predictions to choose by, and it wins ties.
    def family(found):
        return [p for p in pairs if found(p)] + [(0.0, 1.0)] + [p for p in USUAL_NORMALIZATIONS if found(p)]
    unit = _usable(family(lambda p: p[0] <= 1 and p[1] <= 1), [])
    raw = _usable(family(lambda p: p[0] > 1 or p[1] > 1), [])
    result = []
    for shape in ("(N, 1, 28, 28)", "(N, 784)"):
        for scale, normals, pixels in ((1 / 255.0, unit, "pixels / 255"), (1.0, raw, "pixels 0..255")):
            for mean, std in normals:
                plain = (mean, std) == (0.0, 1.0)
                scaling = pixels if plain else "(%s - %g) / %g" % (pixels.replace(" 0..255", ""), mean, std)
                result.append(("%s, %s" % (shape, scaling), shape, scale, mean, std))
    return result


def _outputs(model, images, shape, scale, mean, std, start=0, stop=None):
    """The model's scores for images [start, stop) (uint8 bytes, N×28×28), (n, 10), or raises. Batches
    start at multiples of BATCH whatever start is, so a pass in parts gives a whole pass's scores."""
    import torch
    pixels = torch.frombuffer(bytearray(images), dtype=torch.uint8).reshape(-1, 28, 28)[:stop]
    scores = []
    with torch.no_grad():
        for first in range(start, pixels.shape[0], BATCH):
            if shape == "raw":
                batch = pixels[first:first + BATCH]
            else:
                batch = (pixels[first:first + BATCH].float() * scale - mean) / std
                batch = batch.reshape(-1, 1, 28, 28) if shape.startswith("(N, 1") else batch.reshape(-1, 784)
            out = model(batch)
            if isinstance(out, (tuple, list)):
                out = out[0]
            if not hasattr(out, "shape") or len(out.shape) != 2 or out.shape[1] != 10:
                raise ModelError("the model's output has shape %s; it must be (N, 10), one score per class"
                                 % (tuple(getattr(out, "shape", ())),))
            scores.append(out.detach().to(torch.float64))
    return torch.cat(scores) if scores else torch.zeros((0, 10), dtype=torch.float64)


def _for_inference(model, images, shape, scale, mean, std, sample):
    """The model compiled for inference, or None: TorchScript (a module that is not, scripted if it can be:
    never traced, which would fix one path through its code) frozen and optimised (batch norm folded into
    the convolutions, oneDNN kernels), three to four times faster on a CPU. Only if it gives the sample's
    labels exactly and its scores to 1e-4 of their size (single precision, summed in another order);
    anything else, or any failure, leaves the model as it is."""
    import warnings
    import torch
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scripted = model if isinstance(model, torch.jit.ScriptModule) else torch.jit.script(model)
            compiled = torch.jit.optimize_for_inference(torch.jit.freeze(scripted.eval()))
            scores = _outputs(compiled, images, shape, scale, mean, std, 0, sample.shape[0])
    except Exception:
        return None
    size = max(1.0, float(sample.abs().max()))
    if _labels(scores) != _labels(sample) or float((scores - sample).abs().max()) > 1e-4 * size:
        return None
    return compiled


def _labels(scores):
    return [int(v) for v in scores.argmax(dim=1)]


def describe(error):
    return "%s: %s" % (type(error).__name__, str(error).split("\n")[0][:200])


class Evaluation:
    """A loaded model and the input conventions to try: each convention runs on a sample (the first
    SAMPLE images), and only those the grader then asks for run on every image. The grader, which
    holds the student's predictions, chooses by the sample; one full pass is then enough."""

    def __init__(self, model_bytes, notebook_bytes, images, notes):
        self._model, carries_its_input = load(model_bytes, notebook_bytes, notes)
        self._images = images
        self._conventions = conventions(notebook_bytes, carries_its_input)
        self._scores = {}

    def sample(self):
        """[(convention name, labels of the first SAMPLE images or None, why not)] for every convention."""
        results = []
        for index, (name, shape, scale, mean, std) in enumerate(self._conventions):
            scores, why = _attempt(lambda: _outputs(self._model, self._images, shape, scale, mean, std, 0, SAMPLE))
            if why is not None:  # the model does not take this shape, or broke a limit
                results.append((name, None, why))
                continue
            self._scores[index] = scores
            results.append((name, _labels(scores), None))
        return results

    def same_function(self, index):
        """A key equal for conventions whose sample scores are exactly alike: they compute the same function."""
        return self._scores[index].numpy().tobytes()

    def ran(self, index):
        """Whether the convention at index ran on the sample."""
        return index in self._scores

    def complete(self, index):
        """The labels of every image under the convention at index, which ran on the sample: the sample's
        labels and the rest of the pass, by the model compiled for inference where that gives the same
        sample. Raises what the model raises."""
        name, shape, scale, mean, std = self._conventions[index]
        sample = self._scores[index]
        compiled = _for_inference(self._model, self._images, shape, scale, mean, std, sample)
        rest = None
        if compiled is not None:
            try:
                rest = _outputs(compiled, self._images, shape, scale, mean, std, sample.shape[0])
            except Exception:  # the model as it is says why, if it fails too
                pass
        if rest is None:
            rest = _outputs(self._model, self._images, shape, scale, mean, std, sample.shape[0])
        return _labels(sample) + _labels(rest)


def evaluate(model_bytes, notebook_bytes, images, notes):
    """[(convention name, labels or None, why not)] for every convention, on every image (check.py's
    view). A convention whose sample scores are exactly another's computes the same function (a model
    that flattens its input takes both shapes alike): its labels are that one's, not computed again."""
    evaluation = Evaluation(model_bytes, notebook_bytes, images, notes)
    results = []
    same = {}
    for index, (name, labels, why) in enumerate(evaluation.sample()):
        if labels is None:
            results.append((name, None, why))
            continue
        key = evaluation.same_function(index)
        if key not in same:
            complete, why = _attempt(lambda: evaluation.complete(index))
            if why is not None:  # the model fails on a later image
                results.append((name, None, why))
                continue
            same[key] = complete
        results.append((name, same[key], None))
    return results


def _attempt(run):
    """(run's value, None), or (None, why it failed): a limit's own message, else the model's exception."""
    try:
        return run(), None
    except ModelError as error:
        return None, str(error)
    except Exception as error:
        return None, describe(error)
