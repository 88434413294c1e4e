"""Binds the student's functions by name and calls them, turning whatever happens into an outcome.

The Python counterpart of the Java worker's Invoker, MethodBinder and ArrayGuard: arguments are
fresh float64 copies, a function that changes one or hands one back is told so, and results must
be float64 numpy arrays of the right number of dimensions.
"""
import inspect
import os
import traceback

import numpy as np

from hw5_worker import contract
from hw5_worker.protocol import Rejected, Returned, Threw, Unavailable

MAX_RETURNED_NUMBERS = 4_000_000
MAX_FRAMES = 12

# Taken before any student code runs: a submission that replaces numpy's functions changes its own
# results, never how the worker reads them.
_ndarray = np.ndarray
_array = np.array
_float64 = np.float64
_float32 = np.float32
_shares_memory = np.shares_memory
_argwhere = np.argwhere
_not_equal = np.not_equal


class Binding:
    def __init__(self, function, target=None, problem=None):
        self.function = function
        self.target = target
        self.problem = problem


def _normalise(name):
    return name.replace("_", "").lower()


def bind(module, function):
    """The student's function for one entry of the contract, or why it cannot be called."""
    name = function.python_name
    expected = " Expected: " + contract.declaration(function)
    members = vars(module)
    if name not in members:
        similar = sorted(n for n in members if _normalise(n) == _normalise(name) and not n.startswith("__"))
        if similar:
            return Binding(function, problem="found %s but the grader calls %s: rename it, keeping the exact"
                           " spelling (lower case, words joined by underscores).%s" % (similar[0], name, expected))
        return Binding(function, problem="q1.py has no function %s.%s" % (name, expected))
    target = members[name]
    if not callable(target):
        return Binding(function, problem="%s in q1.py is a %s, not a function.%s"
                       % (name, type(target).__name__, expected))
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return Binding(function, target=target)
    try:
        signature.bind(*[None] * len(function.params))
    except TypeError:
        return Binding(function, problem="%s%s cannot be called with the %d arguments the grader passes (%s).%s"
                       % (name, signature, len(function.params), ", ".join(p.name for p in function.params),
                          expected))
    return Binding(function, target=target)


def invoke(binding, raw_args, student_dir):
    """Calls the function with float64 copies of the arguments; never raises for what the code does."""
    function = binding.function
    if binding.problem is not None:
        return Unavailable(binding.problem)
    args = [_array(a, dtype=_float64) for a in raw_args]
    pristine = [a.copy() for a in args]
    try:
        result = binding.target(*args)
    except BaseException as error:  # SystemExit and KeyboardInterrupt included: the student's, not ours
        return threw(error, student_dir)
    violations = _modified(function, pristine, args)
    return _returned(function, result, args, violations)


def threw(error, student_dir):
    """The outcome of an exception, its traceback cut to the student's own frames."""
    kind = type(error)
    # Private classes by their public base: numpy's _ArrayMemoryError is a MemoryError to the student.
    while kind.__qualname__.startswith("_") and kind.__bases__ and kind.__bases__[0] is not object:
        kind = kind.__bases__[0]
    module = getattr(kind, "__module__", "builtins")
    type_name = kind.__qualname__ if module == "builtins" else module + "." + kind.__qualname__
    try:
        message = str(error)
    except BaseException:  # a student's exception whose __str__ fails
        message = "(its __str__ failed)"
    if isinstance(error, SyntaxError) and error.filename and error.filename.startswith(student_dir):
        frames = _syntax_frames(error, student_dir)
        message = error.msg
    else:
        frames = _student_frames(error, student_dir)
    return Threw(type_name, message or None, frames, isinstance(error, MemoryError))


def _syntax_frames(error, student_dir):
    frames = ["%s, line %s" % (os.path.relpath(error.filename, student_dir), error.lineno)]
    if error.text:
        line = error.text.rstrip("\n")
        frames.append("  " + line.strip())
        if error.offset:
            indent = len(line) - len(line.lstrip())
            frames.append("  " + " " * max(0, error.offset - 1 - indent) + "^")
    return frames


def _student_frames(error, student_dir):
    summary = traceback.extract_tb(error.__traceback__)
    own = [f for f in summary if f.filename.startswith(student_dir)]
    shown = own if own else list(summary)[-3:]

    def describe(frame):
        where = os.path.relpath(frame.filename, student_dir) if frame.filename.startswith(student_dir) \
            else os.path.basename(frame.filename)
        code = (frame.line or "").strip()
        return "%s, line %s, in %s%s" % (where, frame.lineno, frame.name, ": " + code if code else "")

    if len(shown) > MAX_FRAMES:
        kept = shown[:3] + shown[-(MAX_FRAMES - 3):]
        return [describe(f) for f in kept[:3]] + ["... %d more" % (len(shown) - MAX_FRAMES)] + \
               [describe(f) for f in kept[3:]]
    return [describe(f) for f in shown]


def _index(position):
    return "[" + ", ".join(str(int(i)) for i in position) + "]"


def _modified(function, pristine, args):
    problems = []
    for param, before, after in zip(function.params, pristine, args):
        if before.shape != after.shape or before.dtype != after.dtype:
            change = "its shape or type changed"
        elif before.tobytes() == after.tobytes():
            continue
        else:
            first = _argwhere(_not_equal(before.view("u8"), after.view("u8")))[0]
            change = "%s%s was %r, now %r" % (param.name, _index(first), float(before[tuple(first)]),
                                               float(after[tuple(first)]))
        problems.append("it modified its argument %s: %s. Functions must leave their arguments unchanged and return"
                        " new arrays (copy first: %s = %s.copy())." % (param.name, change, param.name, param.name))
    return problems


def _describe(value):
    if isinstance(value, _ndarray):
        return "a numpy array of shape %s" % (value.shape,)
    return "a %s" % type(value).__name__


def _returned(function, result, args, violations):
    if result is None:
        return Returned(None, violations)
    if len(function.outputs) > 1:
        names = ", ".join(p.name for p in function.outputs)
        if not isinstance(result, (tuple, list)):
            return Rejected("it returned %s; %s must return a tuple of %d arrays: return %s"
                            % (_describe(result), function.python_name, len(function.outputs), names))
        if len(result) != len(function.outputs):
            return Rejected("it returned a %s of %d values; %s must return %d arrays: return %s"
                            % (type(result).__name__, len(result), function.python_name, len(function.outputs), names))
        values = list(result)
    else:
        values = [result]
    outputs = []
    numbers = 0
    for param, value in zip(function.outputs, values):
        if value is None:
            outputs.append(None)
            continue
        converted = _as_output(function, param, value, violations)
        if isinstance(converted, Rejected):
            return converted
        numbers += converted.size
        if numbers > MAX_RETURNED_NUMBERS:
            return Rejected("it returned more than %d numbers, far more than the inputs call for; check the shape of"
                            " the result" % MAX_RETURNED_NUMBERS)
        for arg_param, arg in zip(function.params, args):
            if isinstance(value, _ndarray) and _shares_memory(value, arg):
                violations.append("it returned its argument %s (or a view of it) as %s instead of a new array."
                                  " Callers may change the result; return a new array." % (arg_param.name, param.name))
        outputs.append(converted.tolist())
    return Returned(outputs, violations)


_SHAPES = {("linear_backward", "dx"): "(N, D)", ("linear_backward", "dw"): "(D, M)"}


def _as_output(function, param, value, violations):
    """value as a float64 array of the output's rank, or a Rejected saying why it cannot be one."""
    rank = 1 if param.rank == contract.VECTOR else 2
    wanted = _SHAPES.get((function.python_name, param.name), "(M,)" if rank == 1 else "(N, M)")
    if isinstance(value, _ndarray):
        array = value
    elif isinstance(value, (list, tuple)):
        try:
            array = _array(value, dtype=_float64)
        except (TypeError, ValueError):
            return Rejected("%s is a %s that is not a rectangular table of numbers; return a numpy array of shape %s"
                            % (param.name, type(value).__name__, wanted))
        violations.append("%s is a Python %s, not a numpy array: return np.array(...), or compute with numpy."
                          % (param.name, type(value).__name__))
    else:
        return Rejected("%s is %s, not a numpy array of shape %s" % (param.name, _describe(value), wanted))
    kind = array.dtype.kind
    if kind not in "fiub":
        return Rejected("%s holds values of type %s, not numbers" % (param.name, array.dtype))
    # float32 is judged by its values, as Java's float is: the vectors' precision cases and their hint catch it.
    if array.dtype != _float64 and array.dtype != _float32:
        what = "integers" if kind in "iub" else "%s numbers" % array.dtype
        violations.append("%s holds %s: compute in float64 (numpy's default; do not ask for float32 or int), which"
                          " the finite-difference check needs." % (param.name, what))
    if array.ndim != rank:
        hint = ""
        if rank == 1 and array.ndim == 2 and 1 in array.shape:
            hint = ": sum over the batch without keepdims, e.g. np.sum(dout, axis=0)"
        elif rank == 2 and array.ndim == 1:
            hint = ": keep the batch dimension"
        elif (rank == 2 and array.ndim == 3 and array.shape[1] == array.shape[2]
              and function.python_name == "softmax_backward"):
            hint = (": that is the softmax Jacobian, one (K, K) matrix per row; return its product with dout,"
                    " dx[i] = J[i] @ dout[i], or directly s * (dout - np.sum(dout * s, axis=1, keepdims=True))")
        return Rejected("%s has shape %s but must have %d dimension%s, %s%s"
                        % (param.name, array.shape, rank, "s" if rank > 1 else "", wanted, hint))
    return array.astype(_float64, copy=False)
