"""Looks, in a folder of Python files, for any function that computes a Q1 function correctly.

    python3 correct_q1_scan.py FOLDER VECTORS

Every function of every module below FOLDER (module-level functions and the functions of classes)
that can be called with a Q1 function's number of arguments is called on all the public cases of
that function (VECTORS: the public vector folder), and named if it gets them all right. A student
bundle must have none: the Python counterpart of CorrectQ1Scan. Prints one line per finding, then
"scanned N".
"""
import importlib.util
import inspect
import io
import json
import os
import signal
import sys
import time

import numpy as np

FUNCTIONS = [("linear_forward", "linearForward", ["x", "w", "b"], ["out"]),
             ("linear_backward", "linearBackward", ["dout", "x", "w", "b"], ["dX", "dW", "db"]),
             ("relu_forward", "reluForward", ["x"], ["out"]),
             ("relu_backward", "reluBackward", ["dout", "x"], ["dx"]),
             ("softmax_forward", "softmaxForward", ["x"], ["out"]),
             ("softmax_backward", "softmaxBackward", ["dout", "x"], ["dx"])]


class Stop(BaseException):
    pass


def stop(signum, frame):
    raise Stop()


def candidates(module):
    for name, value in list(vars(module).items()):
        if inspect.isfunction(value):
            yield name, value
        elif inspect.isclass(value) and value.__module__ == module.__name__:
            for member, function in list(vars(value).items()):
                function = getattr(function, "__func__", function)
                if inspect.isfunction(function):
                    yield name + "." + member, function


def accepts(function, count):
    try:
        inspect.signature(function).bind(*[None] * count)
        return True
    except (TypeError, ValueError):
        return False


def computes(function, cases, outputs):
    for case in cases:
        args = [np.array(case["inputs"][name], dtype=float) for name in case["inputs"]]
        signal.signal(signal.SIGALRM, stop)
        signal.alarm(5)
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = io.StringIO()
        try:
            result = function(*args)
        except BaseException:  # noqa: B902 - anything but a correct answer
            return False
        finally:
            signal.alarm(0)
            sys.stdout, sys.stderr = saved
        results = list(result) if len(outputs) > 1 and isinstance(result, (tuple, list)) else [result]
        if len(results) != len(outputs):
            return False
        for name, got in zip(outputs, results):
            try:
                got = np.asarray(got, dtype=float)
                expected = np.asarray(case["expected"][name], dtype=float)
                if got.shape != expected.shape or not np.allclose(got, expected, rtol=1e-5, atol=1e-8):
                    return False
            except BaseException:  # noqa: B902
                return False
    return True


def computes_apart(function, cases, outputs):
    """computes(), in a child process of its own: a function that crashes the interpreter (the
    bundle's model loader hands arrays of numbers to PyTorch) or hangs in native code costs only
    its own call, and cannot be a correct Q1 function."""
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:
        code = 1
        try:
            code = 0 if computes(function, cases, outputs) else 1
        finally:
            os._exit(code)
    deadline, pause = time.monotonic() + 60, 0.001  # a minute at most
    while time.monotonic() < deadline:
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        time.sleep(pause)
        pause = min(pause * 2, 0.1)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    return False


def main(folder, vectors):
    signal.signal(signal.SIGALRM, stop)
    cases = {}
    for python, java, _, _ in FUNCTIONS:
        with open(os.path.join(vectors, java + ".json"), encoding="utf-8") as source:
            cases[python] = json.load(source)["cases"]
    scanned = 0
    found = []
    paths = sorted(os.path.join(root, name) for root, _, names in os.walk(folder) for name in names
                   if name.endswith(".py"))
    for number, path in enumerate(paths):
        sys.path[:0] = [os.path.dirname(path), os.path.join(folder, "lib")]
        try:
            spec = importlib.util.spec_from_file_location("scanned_%d" % number, path)
            module = importlib.util.module_from_spec(spec)
            signal.alarm(10)
            spec.loader.exec_module(module)
        except BaseException as error:  # noqa: B902 - a file that does not import has no function to call
            print("cannot import %s: %s" % (path, type(error).__name__), file=sys.stderr)
            continue
        finally:
            signal.alarm(0)
        for name, function in candidates(module):
            for python, _, params, outputs in FUNCTIONS:
                if accepts(function, len(params)):
                    scanned += 1
                    if computes_apart(function, cases[python], outputs):
                        found.append("%s: %s computes %s" % (os.path.relpath(path, folder), name, python))
    for line in found:
        print(line)
    print("scanned %d" % scanned)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
