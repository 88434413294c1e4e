#!/usr/bin/env python3
"""Checks your q1.py the way the grader does, on the public test vectors, and your Q2 files as the grader reads them.
Needs only python3 and numpy (and PyTorch, to check my_model.pt).

    python3 check.py                     # q1.py, predictions.npy and my_model.pt in this folder
    python3 check.py path/to/q1.py       # or a folder that holds them
    python3 check.py --verbose           # every failure in full, not only the first
    python3 check.py --results out.json  # also write the results as JSON (for scripts and CI)

It runs the grader's checks with the grader's rules and messages: your outputs against every public
case (numpy's allclose rule), your backward functions against finite differences of your own forward
functions, and the rules about arguments and results (the very code the grader's Python worker
uses, in lib/hw5_worker). The grader also uses hidden cases, so your final score may be lower.

Q2 has no score here, since only the grader has the held-out labels: predictions.npy is read with the grader's
rules (one label 0..9 per held-out image in data/heldout), and my_model.pt, where PyTorch is installed, is loaded
and run in a process of its own with the grader's loader, under each input the grader tries; it is verified when
the input the grader would choose gives labels that agree with predictions.npy on at least 99% of the images.

Exit code: 0 when the check ran, whatever the score; 2 for bad arguments; 3 when the course's files
(vectors/, data/, lib/) are missing or damaged, or numpy is missing.
"""
import argparse
import ast
import hashlib
import importlib
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Context, Decimal

# As in the grader: numpy's BLAS on one thread, so that CPU time is the time of one computation.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

OK, USAGE, SETUP = 0, 2, 3  # the course's exit codes (edu.mlcourse.hw5.cli.ExitCode)
HERE = os.path.dirname(os.path.realpath(__file__))
LIB = os.path.join(HERE, "lib")
VECTORS = os.path.join(HERE, "vectors", "public")
COURSE_FILE = os.path.join(LIB, "course.json")
SET = "public"
HELDOUT = os.path.join(HERE, "data", "heldout")
HELDOUT_SET, HELDOUT_IMAGES = "heldout-images", "images-idx3-ubyte"
RESTORE = ("Restore it from the zip you received (unzip it again in another folder and copy it back);"
           " files that do not match their checksums are never used.")

# The gradient check's random inputs, per trial: (N, D, M) for linear, (N, K) otherwise (the grader's shapes).
LINEAR_SHAPES = ((3, 4, 5), (2, 3, 2), (4, 1, 3), (1, 5, 4))
OTHER_SHAPES = ((3, 4), (2, 5), (4, 3), (1, 6))
EXP_OVERFLOW = 709.0  # exp overflows a float64 above about 709.78
FLOAT32_MAX = 3.4028234663852886e38  # np.finfo(np.float32).max; numpy is imported later
SINGLE_PRECISION_ERROR = 1e-5  # how far float32 takes an output, relative to its case's scale (Hints.java says why)
COMPUTE_IN_DOUBLE = "Keep numpy's float64: no dtype=np.float32, no .astype(np.float32)."
FAILURES_SHOWN = 4
PRINTED_LINES_SHOWN = 10

# Q2, as the grader reads predictions.npy and runs my_model.pt.
CLASSES = 10
MAX_PREDICTIONS_BYTES = 16 * 1024 * 1024
MAX_MODEL_BYTES = 256 * 1024 * 1024
CLEAR_AGREEMENT = 99.0  # below this, the model and the predictions look like they come from different runs
GRADER_MODEL_CPU = 120  # seconds of computing the grader gives loading and running my_model.pt
SAVE_PREDICTIONS_CALL = "np.save('predictions.npy', labels.astype(np.int64))"
SAVE_PREDICTIONS = "Save the labels with %s, one label per held-out image, in their order." % SAVE_PREDICTIONS_CALL
SAVE_MODEL = ("run them as they are: they save your network with its preprocessing as a TorchScript module that"
              " the grader runs exactly as you did, and predictions.npy from that same file.")
DTYPE_KINDS = {  # what a .npy of another kind than numbers holds, as the grader says it
    "O": "which holds Python objects: reading them would mean unpickling, and the grader never unpickles a file",
    "b": "which holds booleans (True/False), not class numbers",
    "c": "which holds complex numbers",
    "U": "which holds text, not class numbers",
    "S": "which holds text, not class numbers",
    "M": "which holds dates or time spans",
    "m": "which holds dates or time spans",
    "V": "which holds raw bytes",
}


class SetupError(Exception):
    """The course's files are missing or damaged, or this machine lacks numpy: exit code 3."""


# ----------------------------------------------------------------------------------------------------------------
# Course files: the contract and argument rules (lib/hw5_worker), hints and points (lib/course.json), the vectors.

def load_course():
    global np, capture, contract, invoker, protocol, COURSE, FORWARD
    try:
        import numpy
    except ImportError:
        raise SetupError("check.py needs numpy, which this Python (%s) cannot import: install it (pip install numpy;"
                         " Debian or Ubuntu: sudo apt-get install python3-numpy)." % sys.executable)
    np = numpy
    if not os.path.isdir(os.path.join(LIB, "hw5_worker")):
        raise SetupError("%s is missing: check.py needs the course files in lib/. %s" % (os.path.join(LIB, "hw5_worker"),
                                                                                       RESTORE))
    sys.path.insert(0, LIB)
    try:
        from hw5_worker import capture as capture_module, contract as contract_module, invoker as invoker_module, \
            protocol as protocol_module
    except Exception as error:  # noqa: BLE001 - any damage to the course files
        raise SetupError("lib/hw5_worker cannot be imported (%s: %s). %s" % (type(error).__name__, error, RESTORE))
    capture, contract, invoker = capture_module, contract_module, invoker_module
    protocol = protocol_module
    functions = {f.python_name: f for f in contract.FUNCTIONS}
    FORWARD = {name: functions[name.replace("_backward", "_forward")] for name in functions if name.endswith("_backward")}
    try:
        with open(COURSE_FILE, encoding="utf-8") as source:
            COURSE = json.load(source)
        if COURSE.get("format") != "hw5-python-check/1":
            raise ValueError("not a hw5-python-check/1 file")
        for function in contract.FUNCTIONS:
            COURSE["functions"][function.python_name]["points"]["outputs"]  # noqa: B018 - present or KeyError
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SetupError("%s is missing or damaged (%s). %s" % (COURSE_FILE, error, RESTORE))


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder, expected_set):
    """The files that folder's manifest.json lists, with their SHA-256, once the manifest is known to describe
    expected_set."""
    manifest_file = os.path.join(folder, "manifest.json")
    if not os.path.isfile(manifest_file):
        raise SetupError("%s: manifest.json is missing, so nothing there can be verified. %s" % (folder, RESTORE))
    try:
        with open(manifest_file, encoding="utf-8") as source:
            manifest = json.load(source)
        files = manifest["files"]
        if manifest.get("format") != "hw5-vectors-manifest/1" or not isinstance(files, dict):
            raise ValueError("not a hw5-vectors-manifest/1 manifest")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SetupError("%s is not a valid manifest (%s). %s" % (manifest_file, error, RESTORE))
    if manifest.get("set") != expected_set:
        raise SetupError("%s describes the set \"%s\", not \"%s\": this is the wrong folder. %s"
                         % (manifest_file, manifest.get("set"), expected_set, RESTORE))
    return files


def verified(folder, files, name):
    """The path of the course file name, once it is known to be listed, present and as the manifest's SHA-256 says."""
    path = os.path.join(folder, name)
    if name not in files:
        raise SetupError("%s lists no %s. %s" % (os.path.join(folder, "manifest.json"), name, RESTORE))
    if not os.path.isfile(path):
        raise SetupError("%s is listed in the manifest but missing. %s" % (path, RESTORE))
    actual = sha256(path)
    if actual != str(files[name]).lower():
        raise SetupError("Checksum mismatch for %s: the manifest says SHA-256 %s but the file has %s. The file was"
                         " edited or damaged. %s" % (path, files[name], actual, RESTORE))
    return path


def load_vectors(folder):
    """The public cases of each function, after checking every file against the manifest's SHA-256."""
    files = read_manifest(folder, SET)
    cases = {}
    for function in contract.FUNCTIONS:
        path = verified(folder, files, function.java_name + ".json")
        try:
            with open(path, encoding="utf-8") as source:
                data = json.load(source)
            if (data.get("format"), data.get("function"), data.get("set")) != ("hw5-vectors/1", function.java_name,
                                                                                 SET) or not data["cases"]:
                raise ValueError("expected format hw5-vectors/1, function %s and set %s" % (function.java_name, SET))
            cases[function.index] = [Case(function, c) for c in data["cases"]]
        except (ValueError, KeyError, TypeError, IndexError) as error:
            raise SetupError("%s cannot be read (%s). %s" % (path, error, RESTORE))
    return cases


def _value(values, name):
    """The value named name (the grader's files spell dW where Python says dw)."""
    for key, value in values.items():
        if key.lower() == name:
            return value
    raise KeyError(name)


class Case:
    """One vector case: inputs and expected outputs by the Python names, and the recorded mistakes."""

    def __init__(self, function, data):
        self.name = data["name"]
        self.description = data.get("description", "")
        self.inputs = [(key, value) for key, value in data["inputs"].items()]
        self.args = [_value(data["inputs"], p.name) for p in function.params]
        self.expected = [_value(data["expected"], p.name) for p in function.outputs]
        self.mistakes = [(mistake, {key.lower(): value for key, value in outputs.items()})
                         for mistake, outputs in data.get("mistakes", {}).items()]


# ----------------------------------------------------------------------------------------------------------------
# How the grader writes numbers, indices and shapes for Python students.

def java_double(value):
    """A float as Java prints it, for the few places the grader prints a raw double."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    return repr(float(value))


def fmt(value, digits=6):
    """Short, with enough digits: like the grader, rounded half up to significant digits, no trailing zeros."""
    value = float(value)
    if not math.isfinite(value) or value == 0:
        return java_double(value)
    rounded = Context(prec=digits, rounding=ROUND_HALF_UP).plus(Decimal(value))
    rounded = rounded.normalize(Context(prec=digits, rounding=ROUND_HALF_UP))
    return format(rounded, "f") if 1e-4 <= abs(value) < 1e7 else str(rounded)


def distinct(expected, got):
    """Both values with the fewest significant digits (at least 6) that tell them apart."""
    for digits in range(6, 18):
        e, g = fmt(expected, digits), fmt(got, digits)
        if e != g or digits == 17:
            return e, g


def index(flat, columns):
    return "[%d]" % flat if columns == 0 else "[%d, %d]" % (flat // columns, flat % columns)


def shape(rows, columns):
    return "(%d,)" % columns if rows < 0 else "(%d, %d)" % (rows, columns)


def shape_of(value, rank):
    if rank == contract.VECTOR:
        return shape(-1, len(value))
    return shape(len(value), len(value[0]) if value and value[0] is not None else 0)


def seconds(value):
    return repr(float(value))


# ----------------------------------------------------------------------------------------------------------------
# Running the student's functions: the worker's own binding and invoking, with a time limit per check.

class TimedOut:
    def __init__(self, limit, waiting):
        self.limit = limit
        self.waiting = waiting


class _Expired(BaseException):
    """Raised by the time limit's signal handlers; never caught by student code that catches Exception."""


class Limit:
    """The grader's time limit on one check: `cpu` seconds of computing, or twice that of mostly waiting.

    POSIX only (signal.setitimer): elsewhere checks run without a limit."""

    def __init__(self, cpu):
        self.cpu = cpu
        self.expired = None
        self._active = cpu is not None and hasattr(signal, "setitimer")

    def __enter__(self):
        if self._active:
            self._started = time.monotonic()
            self._cpu_started = time.process_time()
            self._old = (signal.signal(signal.SIGPROF, self._computing), signal.signal(signal.SIGALRM, self._elapsed))
            signal.setitimer(signal.ITIMER_PROF, self.cpu, 1.0)
            signal.setitimer(signal.ITIMER_REAL, 2 * self.cpu, 1.0)
        return self

    def _computing(self, signum, frame):
        self.expired = self.expired or "computing"
        raise _Expired()

    def _elapsed(self, signum, frame):
        used = time.process_time() - self._cpu_started
        if used < self.cpu / 4:
            self.expired = self.expired or "waiting"
        elif time.monotonic() - self._started >= 10 * self.cpu:
            self.expired = self.expired or "computing"
        if self.expired:
            raise _Expired()

    def __exit__(self, kind, error, trace):
        if self._active:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGPROF, self._old[0])
            signal.signal(signal.SIGALRM, self._old[1])
        return kind is not None and issubclass(kind, _Expired)

    def outcome(self):
        return TimedOut(2 * self.cpu if self.expired == "waiting" else self.cpu, self.expired == "waiting")


class Runner:
    """Imports q1.py from a copy of its folder (as the grader's worker does) and calls its functions."""

    def __init__(self, q1_path, timeout, output, problem=None):
        self.timeout = timeout
        self.load_problem = None
        self.bindings = None
        self.given_up = {}
        self.output = output
        self.foreign_imports = []
        self._scratch = tempfile.mkdtemp(prefix="hw5-check-")
        self.student_dir = os.path.realpath(os.path.join(self._scratch, "student"))
        os.mkdir(self.student_dir)
        output.shorten(self.student_dir)
        if q1_path is None:
            self.load_problem = problem or "q1.py is missing: check.py looks for it beside itself, or where you point it."
            return
        folder = os.path.dirname(q1_path)
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if (name.endswith(".py") and os.path.isfile(path) and not os.path.samefile(path, __file__)
                    and not means_q1(name)):
                shutil.copyfile(os.path.join(folder, name), os.path.join(self.student_dir, name))
        # The file meant as q1.py (Q1.py, "q1 (1).py", q1.py.txt) is imported as q1, as the grader does.
        shutil.copyfile(q1_path, os.path.join(self.student_dir, "q1.py"))
        self._load()

    def _load(self):
        sys.path.insert(0, self.student_dir)
        importlib.invalidate_caches()
        with self.output, Limit(self.timeout) as limit:
            try:
                module = importlib.import_module("q1")
            except _Expired:
                raise
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # noqa: B902 - whatever the import does is the student's
                self.load_problem = load_failure(invoker.threw(error, self.student_dir))
                return
        if limit.expired:
            self.load_problem = ("Importing q1.py did not finish within %s s: code at the top level of q1.py (outside"
                                 " every function) loops or waits forever."
                                 % seconds(limit.outcome().limit))
            return
        self.bindings = [invoker.bind(module, function) for function in contract.FUNCTIONS]
        self.foreign_imports = foreign_imports(self.student_dir)

    def call(self, function, arg_lists):
        """One outcome per argument list; all of them are one check, under one time limit."""
        problem = self.given_up.get(function.index) or self.load_problem
        if problem is None and self.bindings[function.index].problem is not None:
            problem = self.bindings[function.index].problem
        if problem is not None:
            return [protocol.Unavailable(problem)] * len(arg_lists)
        outcomes = []
        with self.output, Limit(self.timeout) as limit:
            for args in arg_lists:
                outcome = invoker.invoke(self.bindings[function.index], args, self.student_dir)
                if isinstance(outcome, protocol.Threw) and outcome.type_name == "KeyboardInterrupt":
                    raise KeyboardInterrupt()  # Ctrl-C: the worker hands it on as the code's, but here it is yours
                if limit.expired:
                    break
                outcomes.append(outcome)
        if limit.expired:
            timed_out = limit.outcome()
            self.given_up[function.index] = (
                "%s was not called for this check: it did not finish within %s s on an earlier check, so its remaining"
                " checks are skipped to leave time for the other functions. Look for an endless loop or a wait that"
                " never ends." % (function.python_name, seconds(timed_out.limit)))
            return [timed_out] * len(arg_lists)
        return outcomes

    def close(self):
        shutil.rmtree(self._scratch, ignore_errors=True)


class Output:
    """Where the student code's printing goes while it runs, not between the check's lines: kept as the grader's
    worker keeps it (lib/hw5_worker/capture.py), the first 10 KB, with paths in the student's folder quoted as the
    student knows them ("q1.py:25: RuntimeWarning ...")."""

    def __init__(self):
        self._capture = capture.Capture()
        self._printed = ""

    def shorten(self, folder):
        self._capture.shorten(folder)

    def write(self, text):
        self._capture.take(str(text))
        return len(text)

    def flush(self):
        pass

    def __enter__(self):
        self._saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = self
        return self

    def __exit__(self, kind, error, trace):
        sys.stdout, sys.stderr = self._saved
        return False

    def text(self):
        self._printed += self._capture.drain()
        return self._printed


def foreign_imports(student_dir):
    """Modules the student's files import that the grader's Python may not have: only numpy and Python's standard
    library are there (and the student's own files)."""
    standard = getattr(sys, "stdlib_module_names", None)  # Python 3.10 and later
    if standard is None:
        return []
    own = {name[:-3] for name in os.listdir(student_dir) if name.endswith(".py")}
    found = set()
    for name in own:
        try:
            with open(os.path.join(student_dir, name + ".py"), "rb") as source:
                tree = ast.parse(source.read())
        except (SyntaxError, ValueError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return sorted(m for m in found if m not in standard and m not in own and m != "numpy" and not m.startswith("_"))


def load_failure(threw):
    """Why q1.py could not be imported, as the grader says it."""
    text = "q1.py could not be imported: " + summary(threw) + frames(threw.frames)
    missing = re.search(r"No module named '([^'.]+)", threw.message or "")
    if threw.type_name == "ModuleNotFoundError" and missing:
        module = missing.group(1)
        return text + ("\nq1.py imports %s, which the grader does not have: Q1 should need only numpy and Python's"
                       " standard library. If %s is a file of yours, submit %s.py beside q1.py." % (module, module, module))
    if threw.type_name in ("SyntaxError", "IndentationError", "TabError"):
        return text + "\nPython cannot read q1.py: fix the line shown (`python3 q1.py` shows the same message)."
    return text + ("\nThe code that runs on import (the top level of q1.py, outside every function) failed: keep only"
                   " imports, constants and definitions there.")


# ----------------------------------------------------------------------------------------------------------------
# What went wrong, in the grader's words.

def summary(threw):
    simple = threw.type_name[threw.type_name.rfind(".") + 1:]
    return simple if threw.message is None else simple + ": " + threw.message


def frames(lines):
    return "" if not lines else "\n    " + "\n    ".join(lines)


def exception_hints(function, threw):
    hint = COURSE["exception_hints"]
    kind, message = threw.type_name, threw.message or ""
    if kind == "NotImplementedError" and message.startswith("TODO"):
        return [hint["todo"]]
    if kind == "ValueError" and any(word in message for word in ("shape", "broadcast", "aligned", "matmul")):
        return [hint["shapes_linear" if function.python_name.startswith("linear") else "shapes_other"]]
    if kind == "IndexError":
        return [hint["index"]]
    if kind == "SystemExit":
        return [hint["exit"]]
    if kind == "TypeError" and "NoneType" in message:
        return [hint["none"]]
    if kind == "RecursionError":
        return [hint["recursion"]]
    if kind == "MemoryError":
        return [hint["memory"]]
    return []


def describe(function, outcome):
    """What happened, for a call that did not return normally (or returned None)."""
    name = function.python_name
    if isinstance(outcome, protocol.Threw):
        return ([name + " raised " + summary(outcome) + frames(outcome.frames)]
                + ["Likely cause: " + h for h in exception_hints(function, outcome)])
    if isinstance(outcome, protocol.Unavailable):
        return [outcome.reason]
    if isinstance(outcome, TimedOut) and outcome.waiting:
        return ["%s did not finish within %s s and spent most of it waiting, not computing: a sleep, a deadlock, or a"
                " wait that never ends." % (name, seconds(outcome.limit))]
    if isinstance(outcome, TimedOut):
        return ["%s did not finish within %s s of computing: an endless loop, or far too much work for these small"
                " inputs." % (name, seconds(outcome.limit))]
    if isinstance(outcome, protocol.Rejected):
        return [name + " returned something the grader cannot use: " + outcome.reason + "."]
    if isinstance(outcome, protocol.Returned) and outcome.outputs is None:
        return [name + " returned None; it must return " + COURSE["functions"][name]["returns"] + "."]
    return []


def close(expected, got):
    tolerance = COURSE["tolerance"]
    with np.errstate(invalid="ignore", over="ignore"):
        infinite = np.isinf(expected) | np.isinf(got)
        near = np.abs(got - expected) <= tolerance["atol"] + tolerance["rtol"] * np.abs(expected)
    return np.where(infinite, expected == got, near)


def flat(value):
    return np.asarray(value, dtype=float).reshape(-1)


def well_formed(value, rank):
    if value is None:
        return False
    if rank == contract.VECTOR:
        return True
    return len(value) > 0 and value[0] is not None and all(r is not None and len(r) == len(value[0]) for r in value)


def same_shape(a, b, rank):
    if rank == contract.VECTOR:
        return len(a) == len(b)
    return well_formed(b, rank) and len(a) == len(b) and len(a[0]) == len(b[0])


def all_close(expected, got, rank):
    return got is not None and same_shape(expected, got, rank) and bool(np.all(close(flat(expected), flat(got))))


def compare(name, expected, got, rank):
    """What is wrong with one output, as the grader says it, or None."""
    if got is None:
        return name + " is None."
    if rank == contract.VECTOR:
        if len(got) != len(expected):
            return "%s has shape %s; expected %s." % (name, shape(-1, len(got)), shape(-1, len(expected)))
        columns = 0
    else:
        columns = len(expected[0])
        if len(got) != len(expected):
            got_shape = shape(len(got), len(got[0])) if got and got[0] is not None else "%d rows" % len(got)
            transposed = len(got) == columns and got and got[0] is not None and len(got[0]) == len(expected)
            return "%s has shape %s; expected %s%s" % (name, got_shape, shape(len(expected), columns),
                                                       ": it looks transposed." if transposed else ".")
        for i, row in enumerate(got):
            if row is None:
                return "%s[%d] is None; every row must be filled." % (name, i)
            if len(row) != columns:
                return "%s[%d] has %d entries; expected %d (shape %s)." % (name, i, len(row), columns,
                                                                          shape(len(expected), columns))
    e, g = flat(expected), flat(got)
    non_finite = np.flatnonzero(~np.isfinite(g) & np.isfinite(e))
    if non_finite.size:
        first = int(non_finite[0])
        return "%s%s is %s but should be %s (%d of %d entries are NaN or infinite)." % (
            name, index(first, columns), java_double(g[first]), fmt(e[first]), non_finite.size, e.size)
    bad = np.flatnonzero(~close(e, g))
    if not bad.size:
        return None
    first = int(bad[0])
    with np.errstate(invalid="ignore"):
        errors = np.where(np.isnan(g[bad]), np.inf, np.abs(g[bad] - e[bad]))
    worst = int(bad[int(np.argmax(errors))])
    tolerance = COURSE["tolerance"]
    shown = distinct(e[first], g[first])
    return ("%s differs at %s: expected %s, got %s (|difference| %s > allowed %s). %d of %d entries differ%s." % (
        name, index(first, columns), shown[0], shown[1], fmt(abs(g[first] - e[first]), 3),
        fmt(tolerance["atol"] + tolerance["rtol"] * abs(e[first]), 2), bad.size, e.size,
        "; the largest error is %s at %s" % (fmt(float(np.max(errors)), 3), index(worst, columns))
        if bad.size > 1 else ""))


def hints_for_wrong_output(function, case, got):
    """A recorded mistake whose outputs match, or a pattern in the output (the grader's Hints)."""
    ranks = [p.rank for p in function.outputs]
    names = [p.name for p in function.outputs]
    for mistake, outputs in case.mistakes:
        known = COURSE["mistakes"].get(mistake)
        if known is None or not outputs:
            continue
        if all(name in names and all_close(value, got[names.index(name)], ranks[names.index(name)])
               for name, value in outputs.items()):
            return [known["hint"]]
    # The texts below are the grader's (checker's Hints.java); keep them in step.
    wellformed = [g for g, r in zip(got, ranks) if well_formed(g, r)]
    if function.python_name.startswith("softmax") and any(not np.all(np.isfinite(flat(g))) for g in wellformed) \
            and np.max(np.abs(flat(_value(dict(case.inputs), "x")))) > EXP_OVERFLOW:
        return ["exp overflows for logits this large (e^710 is already infinite in a double), and ∞/∞ is NaN."
                " Subtract each row's maximum from the row before exponentiating: softmax does not change."]
    if single_precision(case, got, ranks):
        return ["Your results carry about 7 significant digits, as if computed in float32 (single precision). "
                + COMPUTE_IN_DOUBLE]
    if len(wellformed) == len(got) and all(not np.any(flat(g)) for g in got) and any(np.any(flat(e))
                                                                                    for e in case.expected):
        return ["Your result is all zeros: did you return the array before filling it, or fill another one?"]
    for output, value in zip(function.outputs, got):
        for key, given in case.inputs:
            if value is not None and _identical(given, value):
                return ["Your %s equals the input %s unchanged: is the computation missing, or applied to another"
                        " array?" % (output.name, key)]
    return []


def single_precision(case, got, ranks):
    """Whether got is what float32 code gives: within SINGLE_PRECISION_ERROR of the case's scale from the expected
    values, and infinite where they are beyond float32's range (Hints.singlePrecision)."""
    values = np.concatenate([flat(v) for _, v in case.inputs] + [flat(e) for e in case.expected])
    scale = float(np.max(np.abs(values[np.abs(values) <= FLOAT32_MAX]), initial=0.0))
    for expected, value, rank in zip(case.expected, got, ranks):
        if not well_formed(value, rank) or not same_shape(expected, value, rank):
            return False
        e, g = flat(expected), flat(value)
        with np.errstate(invalid="ignore", over="ignore"):
            beyond = np.abs(e) > FLOAT32_MAX
            float_like = np.where(beyond, g == np.copysign(np.inf, e), np.abs(g - e) <= SINGLE_PRECISION_ERROR * scale)
        if not np.all(float_like):
            return False
    return True


def _identical(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all((a == b) & (np.signbit(a) == np.signbit(b)) | (np.isnan(a) & np.isnan(b))))


# ----------------------------------------------------------------------------------------------------------------
# The checks.

class Result:
    """One check: passed, failed (with a message) or inconclusive (the gradient check's forward could not serve)."""

    def __init__(self, name, message=None, inconclusive=False, headline=None):
        self.name = name
        self.message = message
        self.inconclusive = inconclusive
        self.headline = headline

    @property
    def passed(self):
        return self.message is None


def output_check(runner, function, case):
    name = function.python_name
    outcome = runner.call(function, [case.args])[0]
    problems, hints = [], []
    if isinstance(outcome, protocol.Returned) and outcome.outputs is not None:
        problems += [name + " breaks the rules: " + v for v in outcome.violations]
        for param, expected, got in zip(function.outputs, case.expected, outcome.outputs):
            difference = compare(param.name, expected, got, param.rank)
            if difference:
                problems.append(difference)
        if len(problems) > len(outcome.violations):
            hints = hints_for_wrong_output(function, case, outcome.outputs)
            if not hints:
                problems.append("No common mistake matches this output. %s must return %s."
                                % (name, COURSE["functions"][name]["formula"]))
    else:
        problems = describe(function, outcome)
    if not problems:
        return Result(case.name)
    message = '%s, %s case "%s"%s:' % (name, SET, case.name, " (%s)" % case.description if case.description else "")
    message += "".join("\n  " + p.replace("\n", "\n  ") for p in problems)
    message += "".join("\n  Likely mistake: " + h for h in hints)
    headline = "Likely mistake: " + hints[0] if hints else problems[0].split("\n")[0]
    return Result(case.name, message, headline='case "%s": %s' % (case.name, headline))


def trial_inputs(backward, number):
    """Fresh random inputs of one gradient trial, in the forward function's argument order, and dout."""
    settings = COURSE["gradient"]
    random = np.random.RandomState((int(settings["seed"]) * 31 + backward.index * 1009 + number) % (2 ** 32))
    if backward.python_name == "linear_backward":
        n, d, m = LINEAR_SHAPES[(number - 1) % len(LINEAR_SHAPES)]
        args = [random.uniform(-1, 1, (n, d)), random.uniform(-1, 1, (d, m)), random.uniform(-1, 1, m)]
        return args, random.uniform(-1, 1, (n, m))
    n, k = OTHER_SHAPES[(number - 1) % len(OTHER_SHAPES)]
    x = random.uniform(-1, 1, (n, k))
    if backward.python_name == "relu_backward":
        x = np.copysign(0.05 + np.abs(x), x)  # far from the kink at 0 compared with the step
    else:
        x = 3 * x
    return [x], random.uniform(-1, 1, (n, k))


def gradient_check(runner, backward, forward, number):
    settings = COURSE["gradient"]
    step = settings["step"]
    args, dout = trial_inputs(backward, number)
    bname, fname = backward.python_name, forward.python_name
    header = "%s gradient check, trial %d (%s, random dout):" % (
        bname, number, ", ".join("%s %s" % (p.name, shape(-1, a.shape[0]) if a.ndim == 1 else shape(*a.shape))
                                 for p, a in zip(forward.params, args)))
    trial = "trial-%d" % number

    def failed(lines, inconclusive=False):
        return Result(trial, header + "\n  " + "\n  ".join(lines), inconclusive, headline="trial %d: %s" % (
            number, lines[0].split("\n")[0]))

    analytic = runner.call(backward, [[dout] + args])[0]
    if not isinstance(analytic, protocol.Returned) or analytic.outputs is None:
        return failed(describe(backward, analytic))
    # The unperturbed point first: with it, the second differences measure the forward's own precision.
    perturbed, coordinates = [[a.copy() for a in args]], []
    for p, arg in enumerate(args):
        for c in range(arg.size):
            coordinates.append((p, c))
            for delta in (step, -step):
                changed = [a.copy() for a in args]
                changed[p].reshape(-1)[c] += delta
                perturbed.append(changed)
    losses = []
    for outcome in runner.call(forward, perturbed):
        out = outcome.outputs[0] if isinstance(outcome, protocol.Returned) and outcome.outputs is not None else None
        out = out if well_formed(out, contract.MATRIX) else None
        if out is None or len(out) != dout.shape[0] or len(out[0]) != dout.shape[1]:
            why = describe(forward, outcome) if out is None else [
                "%s returned shape %s, expected %s" % (fname, shape_of(out, contract.MATRIX), shape(*dout.shape))]
            return Result(trial, header + "\n  The gradient is checked against your %s, which failed during the check:"
                          " %s\n  Fix %s first." % (fname, "\n  ".join(why), fname), inconclusive=True,
                          headline="trial %d: your %s failed during the check" % (number, fname))
        losses.append(sum((dout.reshape(-1) * np.asarray(out, dtype=float).reshape(-1)).tolist()))
    for p, (param, gradient) in enumerate(zip(forward.params, backward.outputs)):
        value = analytic.outputs[p]
        rank = contract.VECTOR if args[p].ndim == 1 else contract.MATRIX
        expected_shape = shape(-1, args[p].shape[0]) if rank == contract.VECTOR else shape(*args[p].shape)
        if value is None or not well_formed(value, rank) or (shape_of(value, rank) != expected_shape):
            return failed(["%s has shape %s but %s is %s: a gradient has the shape of its input." % (
                gradient.name, "None" if value is None else shape_of(value, rank), param.name, expected_shape)])
    # The noise of the forward's finite differences, as GradientCheck.java measures it (it says why).
    noise = max(abs(losses[2 * k + 1] - 2 * losses[0] + losses[2 * k + 2]) / (2 * step) for k in range(len(coordinates)))
    disagreements, unjudgeable, worst = 0, 0, None
    for k, (p, c) in enumerate(coordinates):
        a = float(flat(analytic.outputs[p])[c])
        n = (losses[2 * k + 1] - losses[2 * k + 2]) / (2 * step)
        allowed = settings["atol"] + settings["rtol"] * abs(n)
        ok = abs(a - n) <= allowed
        relative = abs(a - n) / max(abs(a), abs(n), 1e-300)
        if not ok and not math.isnan(a) and noise >= allowed:
            unjudgeable += 1
        elif not ok or math.isnan(a):
            disagreements += 1
            if worst is None or relative > worst[3] or math.isnan(a):
                columns = args[p].shape[1] if args[p].ndim == 2 else 0
                worst = (backward.outputs[p].name + index(c, columns), a, n, relative)
    if worst is None and unjudgeable:
        return failed(["Your %s computes with about 7 significant digits (float32?): at step %s its finite differences"
                       " carry noise of up to %s, as large as the allowed error of the %d coordinates that disagree, so"
                       " the gradient check cannot judge %s; its points follow its own cases. %s" % (
                           fname, fmt(step), fmt(noise, 2), unjudgeable, bname, COMPUTE_IN_DOUBLE)], inconclusive=True)
    if worst is None:
        return Result(trial)
    numerical, mine = distinct(worst[2], worst[1])
    return failed(["%s: your %s gives %s but the central difference of your %s gives %s (relative error %s; allowed"
                   " |a − n| ≤ %s + %s·|n|). %d of %d coordinates disagree." % (
                       worst[0], bname, mine, fname, numerical, fmt(worst[3], 2), settings["atol_text"],
                       settings["rtol_text"], disagreements, len(coordinates)),
                   "Your backward pass does not compute the gradient of your forward pass."])


# ----------------------------------------------------------------------------------------------------------------
# Scoring, as the grader's Q1Scorer does it, on the public share of the points.

def round4(points):
    return math.floor(points * 10000 + 0.5) / 10000.0


class Test:
    def __init__(self, name, function, score, max_score, output, results, headline):
        self.name = name
        self.function = function
        self.score = round4(score)
        self.max_score = round4(max_score)
        self.output = output
        self.results = results
        self.headline = headline

    @property
    def passed(self):
        return self.score >= self.max_score - 1e-9


def likely_mistake(message):
    at = message.find("Likely mistake: ")
    if at < 0:
        return ""
    end = message.find("\n", at)
    return message[at:] if end < 0 else message[at:end]


def most_explained_first(failed):
    """The failures whose likely mistake explains the most failing checks first (Q1Scorer.mostExplainedFirst)."""
    counts = {}
    for result in failed:
        hint = likely_mistake(result.message)
        if hint:
            counts[hint] = counts.get(hint, 0) + 1
    return sorted(failed, key=lambda r: -counts.get(likely_mistake(r.message), 0))


def feedback(results, unit):
    passed = sum(r.passed for r in results)
    text = "%d of %d %ss passed." % (passed, len(results), unit)
    failed = [r for r in results if not r.passed]
    if not failed:
        return text
    reasons = {r.message.split("\n", 1)[1] if "\n" in r.message else r.message for r in failed}
    if len(failed) > 1 and len(reasons) == 1:
        return text + " Every failing %s failed the same way:\n%s" % (unit, failed[0].message)
    for i, result in enumerate(most_explained_first(failed)):
        if i == FAILURES_SHOWN:
            text += "\n\nAlso failed: %s." % ", ".join(r.name for r in most_explained_first(failed)[i:])
            break
        text += "\n\n" + result.message
    return text


def zero_tests(reason, cases):
    """Every test at zero, as the grader gives them when q1.py cannot be imported: a reason of several
    lines is shown once, above the tests, which each give its first line."""
    reason = reason.strip() + " Q1 scores zero."
    first_line = reason.split("\n", 1)[0]
    output = reason if first_line == reason else \
        'Q1 scores zero: %s (in full above the tests, under "What to fix")' % first_line
    tests = []
    for function in contract.FUNCTIONS:
        points = COURSE["functions"][function.python_name]["points"]
        count = len(cases[function.index])
        tests.append(Test("Q1 %s: %s cases" % (function.python_name, SET), function, 0,
                          points["outputs"] / points["graded_cases"] * count, output, [], None))
        if FORWARD.get(function.python_name) is not None and points.get("gradient"):
            tests.append(Test("Q1 %s: gradient check" % function.python_name, function, 0, points["gradient"], output,
                              [], None))
    return tests


def run_checks(runner, cases):
    """Every check, in the grader's order, scored into tests."""
    if runner.load_problem is not None:
        return zero_tests(runner.load_problem, cases)
    tests = []
    outputs = {}
    for function in contract.FUNCTIONS:
        points = COURSE["functions"][function.python_name]["points"]
        name = function.python_name
        results = [output_check(runner, function, case) for case in cases[function.index]]
        outputs[function.index] = results
        each = points["outputs"] / points["graded_cases"]
        passed = sum(r.passed for r in results)
        first = next(iter(most_explained_first([r for r in results if not r.passed])), None)
        tests.append(Test("Q1 %s: %s cases" % (name, SET), function, passed * each, len(results) * each,
                          feedback(results, "case"), results, first and "%s: %d of %d cases passed; first failure, %s"
                          % (name, passed, len(results), first.headline)))
        forward = FORWARD.get(name)
        if forward is None or not points.get("gradient"):
            continue
        trials = [gradient_check(runner, function, forward, number)
                  for number in range(1, int(COURSE["gradient"]["trials"]) + 1)]
        title = "Q1 %s: gradient check" % name
        forward_failures = sum(not r.passed for r in outputs[forward.index])
        inconclusive = next((r for r in trials if r.inconclusive), None)
        if forward_failures == 0 and inconclusive is None:
            passed_trials = sum(r.passed for r in trials)
            first = next((r for r in trials if not r.passed), None)
            tests.append(Test(title, function, points["gradient"] * passed_trials / len(trials), points["gradient"],
                              feedback(trials, "trial"), trials, first and "%s gradient check: %d of %d trials passed;"
                              " %s" % (name, passed_trials, len(trials), first.headline)))
            continue
        if forward_failures:
            why = ("The finite-difference check uses your %s, which fails %d of its cases, so it cannot judge your %s."
                   % (forward.python_name, forward_failures, name))
            short = "a correct %s, which fails %d of its cases" % (forward.python_name, forward_failures)
        else:
            why = ("The finite-difference check uses your %s as its reference, but it could not serve during the"
                   " check, so the check cannot judge your %s:" % (forward.python_name, name))
            short = "your %s, which could not serve during the check" % forward.python_name
        if inconclusive is not None:  # both are said, as the grader's Q1Scorer does
            why += "\n%s\n" % inconclusive.message
        passed = sum(r.passed for r in results)
        score = points["gradient"] * passed / len(results)
        test = Test(title, function, score, points["gradient"], "%s These points follow %s's own vector cases instead:"
                    " %d of %d passed." % (why, name, passed, len(results)), trials, None)
        test.headline = None if test.passed else (
            "%s gradient check: needs %s; scored by %s's own cases instead (%d of %d passed)."
            % (name, short, name, passed, len(results)))
        tests.append(test)
    return tests


# ----------------------------------------------------------------------------------------------------------------
# Q2: predictions.npy read with the grader's rules, and my_model.pt run in a process of its own with the grader's
# loader (lib/hw5_worker/model.py), never scored: only the grader has the held-out labels.

def load_heldout(folder):
    """The held-out images' file and how many images it holds, after checking it against its manifest's SHA-256."""
    path = verified(folder, read_manifest(folder, HELDOUT_SET), HELDOUT_IMAGES)
    with open(path, "rb") as source:
        header = source.read(16)
    magic, count, rows, columns = (int.from_bytes(header[i:i + 4], "big") for i in range(0, 16, 4))
    if magic != 0x803 or (rows, columns) != (28, 28) or os.path.getsize(path) != 16 + count * 28 * 28:
        raise SetupError("%s is not an idx file of 28×28 images. %s" % (path, RESTORE))
    return path, count


class Predictions:
    """predictions.npy as the grader reads it: its labels when the grader would accept them, else why not."""

    def __init__(self, path, count):
        self.path = path
        self.count = count
        self.labels = None
        self.problem = None
        self.note = None
        if not os.path.isfile(path):
            self.problem = ("predictions.npy is missing: check.py looks for it beside q1.py. Q2's notebook writes it"
                            " in its last cells. %s" % SAVE_PREDICTIONS)
            return
        try:
            self.labels = self._read()
        except ValueError as error:
            self.problem = "predictions.npy would be refused by the grader: %s" % error

    def _read(self):
        count = self.count
        size = os.path.getsize(self.path)
        if size == 0:
            raise ValueError("it is empty (0 bytes); it must hold %d labels, one per held-out image. %s"
                             % (count, SAVE_PREDICTIONS))
        if size > MAX_PREDICTIONS_BYTES:
            raise ValueError("it is %d bytes, more than the %d accepted; %d labels take far less. %s"
                             % (size, MAX_PREDICTIONS_BYTES, count, SAVE_PREDICTIONS))
        with open(self.path, "rb") as source:
            start = source.read(64)
        if not start.startswith(b"\x93NUMPY"):
            raise ValueError("it is not a numpy .npy file: %s %s" % (not_npy(start), SAVE_PREDICTIONS))
        try:
            array = np.load(self.path, allow_pickle=False)
        except ValueError as error:
            if "allow_pickle" in str(error):
                raise ValueError("it has dtype 'object', which holds Python objects: reading them would mean"
                                 " unpickling, and the grader never unpickles a file. Labels must be stored as"
                                 " integers. %s" % SAVE_PREDICTIONS)
            raise ValueError("numpy cannot read it (%s): it is truncated or damaged. %s" % (error, SAVE_PREDICTIONS))
        except (OSError, EOFError) as error:
            raise ValueError("numpy cannot read it (%s): it is truncated or damaged. %s" % (error, SAVE_PREDICTIONS))
        dtype = array.dtype
        if dtype.names:
            raise ValueError("it holds a structured array (a dtype with %d named field(s)), not plain numbers. %s"
                             % (len(dtype.names), SAVE_PREDICTIONS))
        other = DTYPE_KINDS.get(dtype.kind)
        if dtype.kind == "f" and dtype.itemsize not in (4, 8):
            other = "which holds %d-bit floats, not read by the grader" % (8 * dtype.itemsize)
        if other is not None:
            raise ValueError("it has dtype '%s', %s. Labels must be stored as integers. %s"
                             % (dtype.str, other, SAVE_PREDICTIONS))
        if not (array.ndim == 1 or (array.ndim == 2 and array.shape[1] == 1)):
            raise ValueError("it holds an array of shape %s, but only one label per image is read, shape (N,) or"
                             " (N, 1). If these are per-class scores or probabilities, save preds.argmax(axis=1); if"
                             " they are labels, flatten them with preds.ravel(). %s" % (array.shape, SAVE_PREDICTIONS))
        values = array.reshape(-1)
        if dtype.kind == "f":
            finite = np.isfinite(values)
            if not finite.all():
                first = int(np.flatnonzero(~finite)[0])
                raise ValueError("it holds %s at index %d; every label must be a whole number. Check how preds was"
                                 " computed. %s" % (values[first], first, SAVE_PREDICTIONS))
            fractional = np.flatnonzero(values != np.rint(values))
            if fractional.size:
                first = int(fractional[0])
                raise ValueError("it holds %r at index %d, which is not a whole number; labels are class numbers. If"
                                 " preds holds per-class scores or probabilities, take preds.argmax(axis=1). %s"
                                 % (float(values[first]), first, SAVE_PREDICTIONS))
        if len(values) != count:
            raise ValueError("it holds %d labels, but there are %d held-out images: expected %d, got %d. Predict one"
                             " label for each held-out image, in their order. %s"
                             % (len(values), count, count, len(values), SAVE_PREDICTIONS))
        outside = np.flatnonzero((values < 0) | (values >= CLASSES))
        if outside.size:
            first = int(outside[0])
            raise ValueError("the label at index %d (preds[%d], counting from 0) is %s, but classes are 0..%d%s. Save"
                             " the predicted class numbers, not scores or class names. %s" % (
                                 first, first, values[first].item(), CLASSES - 1, " (%d labels are outside that range)"
                                 % outside.size if outside.size > 1 else "", SAVE_PREDICTIONS))
        if dtype.kind == "f" or array.ndim == 2:
            self.note = ("predictions.npy holds %s of shape %s: the grader accepts whole numbers in that form, but"
                         " %s is the format asked for." % (dtype.name, array.shape, SAVE_PREDICTIONS_CALL))
        return [int(v) for v in values]

    def per_class(self):
        counts = np.bincount(np.asarray(self.labels, dtype=np.int64), minlength=CLASSES)
        return [int(c) for c in counts]


def not_npy(start):
    """What a file that is not a .npy looks like, in the grader's words."""
    if start.startswith(b"PK\x03\x04"):
        return "it is a zip archive, as np.savez and np.savez_compressed write to hold several arrays."
    if start[:1] == b"\x80":
        return ("it looks like a Python pickle (pickle.dump, joblib.dump or torch.save), which the grader never"
                " loads.")
    if start and all(32 <= b < 127 or b in (9, 10, 13) for b in start):
        return ("it is a text file, while np.save writes a binary file that starts with \\x93NUMPY (text belongs in a"
                " .csv file).")
    return ("it does not start with the bytes \\x93NUMPY that every .npy file starts with (it starts with %s)."
            % " ".join("%02x" % b for b in start[:8]))


# Runs in a process of its own: loading a .pt file runs code (it is a pickle). Its findings go to a JSON file, so that
# whatever loading the model prints is only what it printed.
MODEL_PROCESS = r'''
import json, sys
lib, model_path, notebook_path, images_path, result_path = sys.argv[1:]
def done(result):
    with open(result_path, "w", encoding="utf-8") as target:
        json.dump(result, target)
    sys.exit(0)
try:
    import torch
except BaseException as error:
    done({"status": "no-torch", "why": "%s: %s" % (type(error).__name__, error)})
sys.path.insert(0, lib)
from hw5_worker import invoker, model
with open(model_path, "rb") as source:
    model_bytes = source.read()
notebook_bytes = None
if notebook_path:
    with open(notebook_path, "rb") as source:
        notebook_bytes = source.read()
with open(images_path, "rb") as source:
    images = source.read()[16:]
notes = []
try:
    results = model.evaluate(model_bytes, notebook_bytes, images, notes)
except model.ModelError as error:
    done({"status": "refused", "torch": torch.__version__, "why": str(error), "notes": notes})
except BaseException as error:
    threw = invoker.threw(error, "q2.ipynb")
    done({"status": "threw", "torch": torch.__version__, "type": threw.type_name, "message": threw.message,
          "frames": threw.frames, "notes": notes})
done({"status": "ran", "torch": torch.__version__, "notes": notes, "results": [
    [name, None if labels is None else [int(v) for v in labels], why] for name, labels, why in results]})
'''


class ModelCheck:
    """my_model.pt run here as the grader runs it, and the verdict: verified when the labels of the input the grader
    would choose agree with predictions.npy on at least 99% of the images."""

    def __init__(self, path, notebook, images, count, predictions, timeout):
        self.path = path
        self.verdict = "not verified"
        self.reason = None  # why not verified, for scripts: missing, no-torch, failed, no-input, no-predictions, disagrees
        self.lines = []  # what the file is and how it agrees, in the grader's words
        self.problem = None  # what to fix, when not verified
        self.torch = None
        self.notes = []
        self.printed = ""
        self.chosen = None
        self.agreement = None
        self.others = []
        self.has_notebook = notebook is not None
        if not os.path.isfile(path):
            self.reason = "missing"
            self.headline = "missing"
            self.problem = ("my_model.pt is missing: check.py looks for it beside q1.py. Without it the grader scores"
                            " predictions.npy alone and flags it for the course staff, since no model shows where its"
                            " labels come from. The notebook's last cells save it: %s" % SAVE_MODEL)
            return
        size = os.path.getsize(path)
        if size > MAX_MODEL_BYTES:
            self.reason = "failed"
            self.headline = "too large to be evaluated"
            self.problem = ("Your my_model.pt is %d MB; model files over %d MB are not evaluated, so the grader scores"
                            " predictions.npy instead." % (size // (1 << 20), MAX_MODEL_BYTES // (1 << 20)))
            return
        self._run(notebook, images, count, predictions, timeout)

    def _run(self, notebook, images, count, predictions, timeout):
        scratch = tempfile.mkdtemp(prefix="hw5-check-model-")
        result_path = os.path.join(scratch, "result.json")
        printed_path = os.path.join(scratch, "printed.txt")
        command = [sys.executable, "-c", MODEL_PROCESS, LIB, os.path.abspath(self.path),
                   os.path.abspath(notebook) if notebook else "", images, result_path]
        try:
            with open(printed_path, "wb") as printed:
                process = subprocess.Popen(command, cwd=scratch, stdin=subprocess.DEVNULL, stdout=printed,
                                           stderr=subprocess.STDOUT, start_new_session=hasattr(os, "killpg"))
                try:
                    process.wait(timeout)
                    timed_out = False
                except subprocess.TimeoutExpired:
                    timed_out = True
                finally:
                    self._stop(process)
            with open(printed_path, "rb") as source:
                self.printed = source.read(capture.LIMIT).decode("utf-8", "replace").strip()
            result = None
            if os.path.isfile(result_path):
                with open(result_path, encoding="utf-8") as source:
                    result = json.load(source)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        if timed_out:
            return self._failed("loading it did not finish within %s s" % seconds(timeout), "loading and running my_model.pt did not finish within %s s here"
                                " (a sleep, a wait for input or the network, or far too much work?); the grader stops"
                                " it after %d s of computing." % (seconds(timeout), GRADER_MODEL_CPU))
        if result is None:
            end = ("exit code %d" % process.returncode if process.returncode >= 0
                   else "killed by signal %d" % -process.returncode)
            return self._failed("loading it ended the process", "the process running my_model.pt ended while it loaded or ran the"
                                " model (%s): does loading it call sys.exit or os._exit, or exhaust memory?" % end)
        if result["status"] == "no-torch":
            self.verdict, self.reason, self.headline = "not checked", "no-torch", "not checked: PyTorch is not installed here"
            self.lines.append("PyTorch is not installed here, so my_model.pt was not checked; the grader will run it."
                              " (%s cannot import torch: %s)" % (sys.executable, result["why"]))
            return
        self.torch = result["torch"]
        self.notes = list(result["notes"])
        if result["status"] == "refused":
            return self._failed("could not be loaded", result["why"])
        if result["status"] == "threw":
            threw = protocol.Threw(result["type"], result["message"], result["frames"], False)
            return self._failed("could not be loaded", "loading my_model.pt raised " + summary(threw)
                                + frames(threw.frames))
        ran = [(name, labels) for name, labels, why in result["results"] if labels is not None]
        if not ran:
            why = []
            for name, labels, reason in result["results"]:
                if "%s: %s" % (name, reason) not in why:
                    why.append("%s: %s" % (name, reason))
            return self._failed("ran on no usual input", "Your my_model.pt loaded but ran on no usual input ((N, 1, 28,"
                                " 28) or (N, 784) of pixels / 255, normalised or not), so the grader scores"
                                " predictions.npy instead. It said: %s" % "; ".join(why[:2]), reason="no-input")
        self.lines.extend(self.notes)
        if predictions.labels is None:
            self.chosen = ran[0][0]
            self.reason, self.headline = "no-predictions", "no valid predictions.npy to compare it with"
            self.lines.append("It runs with input %s." % self.chosen)
            self.problem = ("my_model.pt cannot be verified without a valid predictions.npy: without one the grader"
                            " cannot tell which input your model expects, so it uses the first it runs with: %s."
                            " Save both files in the notebook's last cells, from the same model." % self.chosen)
            return
        theirs = np.asarray(predictions.labels)
        scored = [(name, labels, agreement(labels, theirs)) for name, labels in ran]
        # On ties the first wins: the conventions come in the grader's order, the plainest first.
        best = max(range(len(scored)), key=lambda i: (scored[i][2], -i))
        self.chosen, chosen_labels, self.agreement = scored[best]
        others = sorted(((name, a) for name, labels, a in scored if labels != chosen_labels), key=lambda o: -o[1])
        self.others = others[:2]
        self.lines.append("The grader would score it with input %s; it agrees with your predictions on %.2f%% of the"
                          " images." % (self.chosen, self.agreement))
        if self.agreement >= CLEAR_AGREEMENT:
            self.verdict, self.headline = "verified", "verified: agrees with predictions.npy on %.2f%% of the images" \
                % self.agreement
            self.lines.append("Verified: the grader will score this model's own accuracy on the held-out labels.")
            return
        self.reason = "disagrees"
        self.headline = "agrees with predictions.npy on only %.2f%% of the images (%g%% needed)" % (
            self.agreement, CLEAR_AGREEMENT)
        self.problem = ("my_model.pt and predictions.npy agree on %.2f%% of the images. That is low: did you save the"
                        " predictions from another model or training run, or in another order than the held-out"
                        " images? Re-run the notebook's last cells, the ones that save predictions.npy and"
                        " my_model.pt, so that both files come from the same trained model. As they are, Q2 is"
                        " unverified: the grader scores predictions.npy alone and flags it for the course staff."
                        % self.agreement)
        self.problem += "".join("\nWith input %s the model agrees with your predictions on %.2f%% of the images."
                                % other for other in self.others)

    def _failed(self, headline, why, reason="failed"):
        self.reason, self.headline = reason, headline
        self.problem = why if reason == "no-input" else \
            "Your my_model.pt could not be evaluated, so the grader will score predictions.npy instead:\n" + why
        if self.notes:
            self.problem += "\n" + "\n".join(self.notes)
        if not self.has_notebook and reason == "failed" and not any("TorchScript" in n for n in self.notes):
            self.problem += ("\nq2.ipynb is missing beside my_model.pt, so no class it defines was available: a"
                             " state_dict or a whole module needs the notebook that defines its model.")
        return None

    @staticmethod
    def _stop(process):
        """The process and whatever it started: a model file can start processes of its own."""
        try:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
        except OSError:  # gone already
            pass
        process.wait()


def agreement(a, b):
    """How often two label arrays of one length agree, in percent (the grader's ConventionChoice.agreement)."""
    a, b = np.asarray(a), np.asarray(b)
    return 100.0 if len(a) == 0 else 100.0 * int(np.count_nonzero(a == b)) / len(a)


def check_q2(folder, images, count, timeout):
    predictions = Predictions(os.path.join(folder, "predictions.npy"), count)
    notebook = os.path.join(folder, "q2.ipynb")
    model = ModelCheck(os.path.join(folder, "my_model.pt"), notebook if os.path.isfile(notebook) else None, images,
                       count, predictions, timeout)
    return predictions, model


def report_q2(predictions, model, count, out):
    """The Q2 section, after Q1's; returns its text, for the results file."""
    lines = []
    runtime = "PyTorch %s, in a separate process" % model.torch if model.torch else None
    lines.append("HW5 Q2 check of predictions.npy and my_model.pt%s" % (" (%s)" % runtime if runtime else ""))
    if predictions.labels is not None:
        status = "valid: %d labels, one per held-out image" % count
    elif os.path.isfile(predictions.path):
        status = "REFUSED: the grader would not read it"
    else:
        status = "MISSING"
    lines.append("  %-16s %s" % ("predictions.npy", status))
    lines.append("  %-16s %s" % ("my_model.pt", model.headline if model.verdict != "not verified" else
                                 "NOT VERIFIED: " + model.headline))
    details = []
    if predictions.labels is not None:
        details.append("predictions.npy holds %d valid labels; per class: %s." % (
            count, " ".join("%d:%d" % (c, n) for c, n in enumerate(predictions.per_class()))))
    if predictions.note:
        details.append(predictions.note)
    if model.lines:
        details.append(" ".join(model.lines))
    if model.printed:
        printed = model.printed.split("\n")
        if len(printed) > PRINTED_LINES_SHOWN:
            printed = printed[:PRINTED_LINES_SHOWN] + ["[... %d more lines]" % (len(printed) - PRINTED_LINES_SHOWN)]
        details.append("Loading and running my_model.pt printed:\n  " + "\n  ".join(printed))
    if details:
        lines.append("")
        lines.extend(details)
    problems = [p for p in (predictions.problem, model.problem) if p]
    if problems:
        lines.append("")
        lines.append("What to fix")
        lines.extend("  " + p.replace("\n", "\n  ") for p in problems)
    lines.append("")
    lines.append("Q2's accuracy is measured by the grader on held-out labels you do not have: estimate it on your"
                 " validation split.")
    text = "\n".join(lines)
    out.write("\n" + text + "\n")
    return text


def q2_results(predictions, model, count, text):
    """Q2's findings for the results file: no score, since only the grader has the held-out labels."""
    return {
        "output": text,
        "predictions": {"file": "predictions.npy", "valid": predictions.labels is not None, "expected_count": count,
                        "per_class": predictions.per_class() if predictions.labels is not None else None,
                        "problem": predictions.problem, "note": predictions.note},
        "model": {"file": "my_model.pt", "verdict": model.verdict, "reason": model.reason, "pytorch": model.torch,
                  "notes": model.notes, "input": model.chosen,
                  "agreement": None if model.agreement is None else round(model.agreement, 2),
                  "others": [{"input": name, "agreement": round(a, 2)} for name, a in model.others],
                  "problem": model.problem, "printed": model.printed or None},
    }


# ----------------------------------------------------------------------------------------------------------------
# The report.

def report(q1_label, runtime, tests, runner, verbose, out, found_notes=()):
    total, maximum = sum(t.score for t in tests), sum(t.max_score for t in tests)
    q1_points = sum(f["points"]["outputs"] + f["points"].get("gradient", 0) for f in COURSE["functions"].values())
    write = out.write
    write("HW5 Q1 check of %s against the %s test vectors (%s)\n" % (q1_label, SET, runtime))
    for test in tests:
        write("  %s  %-42s %6s / %5s\n" % ("PASS" if test.passed else "FAIL", test.name, two_places(test.score),
                                           two_places(test.max_score)))
    write("  %-48s %6s / %5s\n" % ("Total", two_places(total), two_places(maximum)))
    write(scale(maximum, q1_points))
    failing = [t for t in tests if not t.passed]
    if runner.load_problem is not None:
        write("\nQ1 cannot run, so every check fails:\n  %s\n" % runner.load_problem.replace("\n", "\n  "))
    elif failing:
        write("\nWhat to fix%s\n" % ("" if verbose else " (python3 check.py --verbose shows every failure in full)"))
        for test in failing:
            if test.headline:
                write("  %s\n" % test.headline)
        if verbose:
            for test in failing:
                write("\n== %s\n   %s\n" % (test.name, test.output.replace("\n", "\n   ")))
        else:
            first = next(r for t in failing for r in t.results if not r.passed)
            write("\nThe first failure in full:\n  %s\n" % first.message.replace("\n", "\n  "))
    else:
        write("\nEvery %s case and gradient check passed.\n" % SET)
    notes = list(found_notes)
    if runner.foreign_imports:
        notes.append("q1.py imports %s, which the grader may not have: Q1 should need only numpy and Python's"
                     " standard library." % ", ".join(runner.foreign_imports))
    printed = runner.output.text().strip()
    if printed:
        notes.append("Your q1.py printed this while it was checked (printing is allowed but slows grading):\n" + printed)
    if notes:
        write("\nNotes\n")
    for note in notes:
        lines = note.split("\n")
        if len(lines) > PRINTED_LINES_SHOWN + 1 and not verbose:
            lines = lines[:PRINTED_LINES_SHOWN + 1] + ["[... %d more lines; --verbose shows them]"
                                                       % (len(lines) - PRINTED_LINES_SHOWN - 1)]
        write("   - %s\n" % "\n     ".join(lines))  # as the grader's TextReport.bullet
    return total, maximum, notes


def scale(maximum, q1_points):
    """What the total means, in the words ./check prints under its total (LocalPipeline.scale)."""
    return ("  Public cases only: %s of Q1's %s points. The grader also checks hidden cases (same kinds, other numbers)"
            " for the other %s, and scores Q2 on held-out labels only it has: pass every case here, then test your"
            " functions on inputs of your own.\n" % (_points(maximum), _points(q1_points), _points(q1_points - maximum)))


def two_places(value):
    """value with two decimals, a half rounded up as Java's %.2f does (2.625 is 2.63 in both checkers;
    Python's own %.2f would give 2.62)."""
    return str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _points(value):
    """36, 35.5: two decimals at most, none that are zeros (as LocalPipeline.points)."""
    return two_places(value).rstrip("0").rstrip(".")


def write_results(path, tests, total, maximum, notes, problem, q2):
    """Gradescope-like results; a problem that stops Q1 as a whole opens the output, as the grader's. Q2's findings
    have no score (only the grader has the held-out labels): they go under "q2"."""
    results = {"score": round4(total), "max_score": round4(maximum),
               "output": "\n\n".join(([problem.strip() + " Q1 scores zero."] if problem else []) + notes),
               "tests": [{"name": t.name, "score": t.score, "max_score": t.max_score, "output": t.output,
                          "tags": [t.function.python_name, t.function.java_name, "q1"]} for t in tests],
               "q2": q2}
    with open(path, "w", encoding="utf-8") as target:
        json.dump(results, target, indent=2, ensure_ascii=False)
        target.write("\n")


# ----------------------------------------------------------------------------------------------------------------
# Finding q1.py as the grader does (edu.mlcourse.hw5.checker.submission.UploadNames and Submission): under the names
# students' tools give it, in any folder below, identical copies taken as one, different ones listed, never guessed.

Q1 = "q1.py"
SHOWN = 60


def means_q1(name):
    return name == Q1 or re.fullmatch(COURSE["uploads"]["regex"], name) is not None


def upload_files(root):
    """Every file of the folder that may be graded, as the grader lists a submission's, relative with '/'."""
    skipped = set(COURSE["uploads"]["skipped_folders"])
    found = []
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if f not in skipped]
        for name in files:
            path = os.path.join(folder, name)
            if not name.startswith("._") and os.path.isfile(path) and not os.path.islink(path):
                found.append(os.path.relpath(path, root).replace(os.sep, "/"))
    return sorted(found)


def upload_lines(path):
    """The text as copies are compared (UploadContent.lines): no byte-order mark, any line ending."""
    with open(path, "rb") as source:
        text = source.read().decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")


def _shown(line):
    text = line.strip()
    return text if len(text) <= SHOWN else text[:SHOWN - 3] + "..."


def first_difference(first, other, first_name):
    for number, (a, b) in enumerate(zip(first, other), start=1):
        if a.rstrip() != b.rstrip():
            return "first differs at line %d: `%s` here, `%s` in %s" % (number, _shown(b), _shown(a), first_name)
    if len(first) == len(other):
        return None
    common = min(len(first), len(other))
    if len(other) == common:
        return "ends after line %d, where %s goes on" % (common, first_name)
    return "goes on after line %d, where %s ends" % (common, first_name)


def locate_q1(root):
    """The q1.py the grader would take from this folder: (relative path or None, notes, problem or None)."""
    files = upload_files(root)
    candidates = [f for f in files if means_q1(f.split("/")[-1])]
    if not candidates:
        related = [f for f in files if f.split("/")[-1].lower().startswith("q1")]
        return None, [], "q1.py is missing: submit your q1.py." + (
            " The submission has %s, which the grader cannot use as q1.py." % ", ".join(related) if related else "")
    ordered = sorted(candidates, key=lambda f: (f.split("/")[-1] != Q1, f.count("/") + 1, f))
    first, notes = ordered[0], []
    if len(ordered) > 1:
        first_lines = upload_lines(os.path.join(root, first))
        others, different = [], False
        for other in ordered[1:]:
            difference = first_difference(first_lines, upload_lines(os.path.join(root, other)), first)
            different = different or difference is not None
            others.append("  - %s (%d bytes): %s" % (other, os.path.getsize(os.path.join(root, other)),
                                                    difference or "the same as " + first))
        if different:
            return None, [], ("The submission holds %d different files that could be q1.py, and the grader does not"
                              " guess which one you meant:\n  - %s (%d bytes)\n%s\nKeep exactly one (named q1.py)"
                              " and submit again." % (len(ordered), first, os.path.getsize(os.path.join(root, first)),
                                                      "\n".join(others)))
        notes.append("The submission holds %d identical copies of q1.py (%s); graded %s. Next time, submit one copy."
                     % (len(ordered), ", ".join(ordered), first))
    if first.split("/")[-1] != Q1:
        notes.append("Graded %s as your q1.py: the grader looks for the name q1.py, and this file's name looks like"
                     " what a browser, an editor or a file manager made of it. Next time, submit it named q1.py."
                     % first)
    return first, notes, None


def find_q1(target):
    """q1.py (None when it cannot be used), how to name it, the folder checked (where Q2's files are looked for
    too), notes on how it was found, and why it cannot be used."""
    if target is None:
        target = HERE
    if not os.path.exists(target):
        raise UsageError("%s does not exist" % target)
    if os.path.isdir(target):
        relative, notes, problem = locate_q1(target)
        if relative is None:
            return None, os.path.join(target, Q1), target, notes, problem
        path = os.path.abspath(os.path.join(target, relative))
        return path, os.path.join(target, relative), os.path.dirname(path), notes, None
    if not means_q1(os.path.basename(target)):
        raise UsageError("%s is not q1.py: the grader imports the file q1.py, so it must have that name" % target)
    notes = [] if os.path.basename(target) == Q1 else [locate_q1_note(os.path.basename(target))]
    return os.path.abspath(target), target, os.path.dirname(os.path.abspath(target)), notes, None


def locate_q1_note(name):
    return ("Graded %s as your q1.py: the grader looks for the name q1.py, and this file's name looks like what a"
            " browser, an editor or a file manager made of it. Next time, submit it named q1.py." % name)


class UsageError(Exception):
    pass


def main(argv):
    parser = argparse.ArgumentParser(
        prog="check.py", description="Check your q1.py the way the grader will, on the public test vectors, and"
                                     " whether the grader can use your predictions.npy and my_model.pt.",
        epilog="Exit codes: 0 the check ran (whatever the score), 2 bad arguments, 3 the course's files are missing or"
               " damaged, or numpy is missing.")
    parser.add_argument("q1", nargs="?", metavar="Q1", help="q1.py, or the folder holding it (default: this folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show every failure in full")
    parser.add_argument("--results", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--call-timeout", metavar="SECONDS", type=float, default=5.0,
                        help="seconds of computing allowed to one check (default: 5, as the grader)")
    parser.add_argument("--model-timeout", metavar="SECONDS", type=float, default=240.0,
                        help="seconds allowed to loading and running my_model.pt (default: 240)")
    arguments = parser.parse_args(argv)
    if not arguments.call_timeout > 0:
        parser.error("--call-timeout must be positive")
    if not arguments.model_timeout > 0:
        parser.error("--model-timeout must be positive")
    out = sys.stdout
    sys.dont_write_bytecode = True  # leave no __pycache__ in the project
    if sys.path and os.path.realpath(sys.path[0] or ".") == HERE:
        del sys.path[0]  # as in the grader, q1.py sees only its own folder's modules, numpy and the standard library
    try:
        load_course()
        q1_path, q1_label, folder, found_notes, problem = find_q1(arguments.q1)
        cases = load_vectors(VECTORS)
        images, count = load_heldout(HELDOUT)
    except UsageError as error:
        sys.stderr.write("check.py: %s\n" % error)
        return USAGE
    except SetupError as error:
        sys.stderr.write("check.py: %s\n" % error)
        return SETUP
    runner = Runner(q1_path, arguments.call_timeout, Output(), problem)
    try:
        tests = run_checks(runner, cases)
    finally:
        runner.close()
    runtime = "Python %s, numpy %s" % (".".join(str(v) for v in sys.version_info[:3]), np.__version__)
    total, maximum, notes = report(os.path.relpath(q1_label) if q1_path else q1_label, runtime, tests, runner,
                                   arguments.verbose, out, found_notes)
    out.flush()  # Q1's report first: running my_model.pt takes a while
    predictions, model = check_q2(folder, images, count, arguments.model_timeout)
    q2_text = report_q2(predictions, model, count, out)
    if arguments.results:
        write_results(arguments.results, tests, total, maximum, notes, runner.load_problem,
                      q2_results(predictions, model, count, q2_text))
    out.flush()
    return OK


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.stderr.write("check.py: interrupted\n")
        sys.exit(130)
