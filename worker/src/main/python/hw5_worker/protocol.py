"""The Python codec of the worker protocol (worker/PROTOCOL.md): message types, encodings, outcomes.

Pure Python (struct), so that it can be tested without numpy. Big-endian throughout.
"""
import struct

VERSION = 3

HELLO = 10
LOAD = 1
CALL = 2
EXIT = 3
EVALUATE = 4
COMPLETE = 5
LOADED = 11
RESULTS = 12
EVALUATED = 14
LABELS = 15
STATUS_OK = 0
STATUS_FAILED = 1

_RETURNED = 0
_THREW = 1
_UNAVAILABLE = 2
_REJECTED = 3
_NULL = -1

_INT = struct.Struct(">i")
_DOUBLE = struct.Struct(">d")


class ProtocolError(Exception):
    """A message that breaks the protocol."""


class Returned:
    """The function returned: outputs (one per output of the function, None where None was
    returned) or None when it returned None itself; violations, in words."""

    def __init__(self, outputs, violations=()):
        self.outputs = outputs
        self.violations = list(violations)

    def __eq__(self, other):
        return isinstance(other, Returned) and self.outputs == other.outputs and self.violations == other.violations

    def __repr__(self):
        return "Returned(%r, %r)" % (self.outputs, self.violations)


class Threw:
    def __init__(self, type_name, message, frames, fatal):
        self.type_name = type_name
        self.message = message
        self.frames = list(frames)
        self.fatal = fatal

    def __eq__(self, other):
        return isinstance(other, Threw) and (self.type_name, self.message, self.frames, self.fatal) == (
            other.type_name, other.message, other.frames, other.fatal)

    def __repr__(self):
        return "Threw(%r, %r, %r, %r)" % (self.type_name, self.message, self.frames, self.fatal)


class Unavailable:
    def __init__(self, reason):
        self.reason = reason

    def __eq__(self, other):
        return isinstance(other, Unavailable) and self.reason == other.reason

    def __repr__(self):
        return "Unavailable(%r)" % (self.reason,)


class Rejected:
    def __init__(self, reason):
        self.reason = reason

    def __eq__(self, other):
        return isinstance(other, Rejected) and self.reason == other.reason

    def __repr__(self):
        return "Rejected(%r)" % (self.reason,)


class Writer:
    """Builds one message in memory; bytes() gives it."""

    def __init__(self):
        self._parts = bytearray()

    def bytes(self):
        return bytes(self._parts)

    def byte(self, value):
        self._parts.append(value & 0xFF)

    def bool(self, value):
        self.byte(1 if value else 0)

    def int(self, value):
        self._parts += _INT.pack(value)

    def double(self, value):
        self._parts += _DOUBLE.pack(value)

    def raw(self, data):
        self._parts += data

    def string(self, value):
        if value is None:
            self.int(_NULL)
            return
        data = value.encode("utf-8", "replace")
        self.int(len(data))
        self._parts += data

    def strings(self, values):
        self.int(len(values))
        for value in values:
            self.string(value)

    def vector(self, values):
        if values is None:
            self.int(_NULL)
            return
        values = [float(v) for v in values]
        self.int(len(values))
        self._parts += struct.pack(">%dd" % len(values), *values)

    def matrix(self, rows):
        if rows is None:
            self.int(_NULL)
            return
        self.int(len(rows))
        for row in rows:
            self.vector(row)

    def array(self, rank, value):
        if rank == "vector":
            self.vector(value)
        else:
            self.matrix(value)

    def outcome(self, outcome, outputs):
        """outputs: the function's output params (name, rank), to encode a Returned."""
        if isinstance(outcome, Returned):
            self.byte(_RETURNED)
            self.bool(outcome.outputs is not None)
            if outcome.outputs is not None:
                for param, value in zip(outputs, outcome.outputs):
                    self.array(param.rank, value)
            self.strings(outcome.violations)
        elif isinstance(outcome, Threw):
            self.byte(_THREW)
            self.string(outcome.type_name)
            self.string(outcome.message)
            self.strings(outcome.frames)
            self.bool(outcome.fatal)
        elif isinstance(outcome, Unavailable):
            self.byte(_UNAVAILABLE)
            self.string(outcome.reason)
        elif isinstance(outcome, Rejected):
            self.byte(_REJECTED)
            self.string(outcome.reason)
        else:
            raise ValueError("not an outcome that travels: %r" % (outcome,))


class Reader:
    """Reads a message from a binary stream (an object with read(n))."""

    def __init__(self, stream):
        self._stream = stream

    def _exact(self, n):
        data = self._stream.read(n)
        while data is not None and len(data) < n:
            more = self._stream.read(n - len(data))
            if not more:
                break
            data += more
        if data is None or len(data) < n:
            raise EOFError("the channel closed")
        return data

    def byte(self):
        return self._exact(1)[0]

    def bool(self):
        return self.byte() != 0

    def int(self):
        return _INT.unpack(self._exact(4))[0]

    def double(self):
        return _DOUBLE.unpack(self._exact(8))[0]

    def raw(self, n):
        if n < 0:
            raise ProtocolError("negative length %d" % n)
        return self._exact(n)

    def string(self):
        length = self.int()
        if length == _NULL:
            return None
        return self.raw(length).decode("utf-8")

    def strings(self):
        count = self.int()
        if count < 0:
            raise ProtocolError("negative count %d" % count)
        return [self.string() for _ in range(count)]

    def vector(self):
        length = self.int()
        if length == _NULL:
            return None
        if length < 0:
            raise ProtocolError("negative length %d" % length)
        return list(struct.unpack(">%dd" % length, self.raw(8 * length)))

    def matrix(self):
        rows = self.int()
        if rows == _NULL:
            return None
        if rows < 0:
            raise ProtocolError("negative row count %d" % rows)
        return [self.vector() for _ in range(rows)]

    def array(self, rank):
        return self.vector() if rank == "vector" else self.matrix()

    def outcome(self, outputs):
        tag = self.byte()
        if tag == _RETURNED:
            values = [self.array(p.rank) for p in outputs] if self.bool() else None
            return Returned(values, self.strings())
        if tag == _THREW:
            return Threw(self.string(), self.string(), self.strings(), self.bool())
        if tag == _UNAVAILABLE:
            return Unavailable(self.string())
        if tag == _REJECTED:
            return Rejected(self.string())
        raise ProtocolError("unknown outcome tag %d" % tag)


# Messages, both directions: a worker writes HELLO, LOADED and RESULTS and reads LOAD and CALL; the
# grader (Java) the other way round. Writing returns the message's bytes; reading takes a Reader.

def write_hello(version, runtime):
    w = Writer()
    w.byte(HELLO)
    w.int(version)
    w.string(runtime)
    return w.bytes()


def read_hello(reader):
    _expect(reader, HELLO, "HELLO")
    return reader.int(), reader.string()


def write_load(code):
    """code: a list of (name, bytes)."""
    w = Writer()
    w.byte(LOAD)
    w.int(len(code))
    for name, data in code:
        w.string(name)
        w.int(len(data))
        w.raw(data)
    return w.bytes()


def read_load_body(reader):
    """LOAD after its type byte: a list of (name, bytes)."""
    count = reader.int()
    if count < 0:
        raise ProtocolError("a negative number of files")
    return [(reader.string(), reader.raw(reader.int())) for _ in range(count)]


def write_loaded(problems, failure, output):
    """problems: one entry per function (None when it can be called), or None when failure (an outcome) is set."""
    w = Writer()
    w.byte(LOADED)
    if failure is None:
        w.byte(STATUS_OK)
        for problem in problems:
            w.string(problem)
    else:
        w.byte(STATUS_FAILED)
        w.outcome(failure, ())
    w.string(output)
    return w.bytes()


def read_loaded(reader, functions):
    """(problems, failure, output); functions: the contract's table, for the number of problems."""
    _expect(reader, LOADED, "LOADED")
    status = reader.byte()
    if status == STATUS_OK:
        problems, failure = [reader.string() for _ in functions], None
    elif status == STATUS_FAILED:
        problems, failure = None, reader.outcome(())
    else:
        raise ProtocolError("unknown LOADED status %d" % status)
    return problems, failure, reader.string()


def write_call(function, argument_lists):
    w = Writer()
    w.byte(CALL)
    w.int(function.index)
    w.int(len(argument_lists))
    for args in argument_lists:
        for param, value in zip(function.params, args):
            w.array(param.rank, value)
    return w.bytes()


def read_call_body(reader, functions):
    """CALL after its type byte: (function, list of argument lists)."""
    index = reader.int()
    if not 0 <= index < len(functions):
        raise ProtocolError("no function %d" % index)
    function = functions[index]
    count = reader.int()
    if count < 0:
        raise ProtocolError("a negative number of calls")
    return function, [[reader.array(p.rank) for p in function.params] for _ in range(count)]


def write_results(function, outcomes, output):
    w = Writer()
    w.byte(RESULTS)
    for outcome in outcomes:
        w.outcome(outcome, function.outputs)
    w.string(output)
    return w.bytes()


def read_results(reader, function, count):
    _expect(reader, RESULTS, "RESULTS")
    outcomes = [reader.outcome(function.outputs) for _ in range(count)]
    return outcomes, reader.string()


def _expect(reader, kind, name):
    got = reader.byte()
    if got != kind:
        raise ProtocolError("expected %s, got message type %d" % (name, got))


def write_evaluate(model_name, model, notebook, images, rows, columns):
    """notebook: bytes or None; images: count×rows×columns bytes of pixels."""
    w = Writer()
    w.byte(EVALUATE)
    w.string(model_name)
    w.int(len(model))
    w.raw(model)
    if notebook is None:
        w.int(_NULL)
    else:
        w.int(len(notebook))
        w.raw(notebook)
    w.int(len(images) // (rows * columns))
    w.int(rows)
    w.int(columns)
    w.raw(images)
    return w.bytes()


def read_evaluate_body(reader):
    """EVALUATE after its type byte: (model name, model bytes, notebook bytes or None, images, rows, columns)."""
    name = reader.string()
    model = reader.raw(reader.int())
    length = reader.int()
    notebook = None if length == _NULL else reader.raw(length)
    count, rows, columns = reader.int(), reader.int(), reader.int()
    if count < 0 or rows <= 0 or columns <= 0:
        raise ProtocolError("impossible image sizes %d×%d×%d" % (count, rows, columns))
    return name, model, notebook, reader.raw(count * rows * columns), rows, columns


def write_evaluated(notes, results, failure, output):
    """results: [(convention, labels or None, why)], or failure (an outcome) when the model did not load."""
    w = Writer()
    w.byte(EVALUATED)
    if failure is None:
        w.byte(STATUS_OK)
        w.strings(notes)
        w.int(len(results))
        for convention, labels, why in results:
            w.string(convention)
            _write_labels_or_why(w, labels, why)
    else:
        w.byte(STATUS_FAILED)
        w.outcome(failure, ())
        w.strings(notes)
    w.string(output)
    return w.bytes()


def read_evaluated(reader):
    """(notes, results, failure, output), as write_evaluated takes them."""
    _expect(reader, EVALUATED, "EVALUATED")
    status = reader.byte()
    if status == STATUS_OK:
        notes = reader.strings()
        results = []
        for _ in range(reader.int()):
            convention = reader.string()
            if reader.bool():
                results.append((convention, list(reader.raw(reader.int())), None))
            else:
                results.append((convention, None, reader.string()))
        failure = None
    elif status == STATUS_FAILED:
        failure = reader.outcome(())
        notes, results = reader.strings(), []
    else:
        raise ProtocolError("unknown EVALUATED status %d" % status)
    return notes, results, failure, reader.string()


def write_complete(index):
    """COMPLETE: every image under the convention at index (of EVALUATED's results)."""
    w = Writer()
    w.byte(COMPLETE)
    w.int(index)
    return w.bytes()


def read_complete_body(reader):
    """COMPLETE after its type byte: the convention's index."""
    return reader.int()


def write_labels(labels, why, output):
    """LABELS: every image's label under the convention COMPLETE named, or why it did not run on all."""
    w = Writer()
    w.byte(LABELS)
    _write_labels_or_why(w, labels, why)
    w.string(output)
    return w.bytes()


def _write_labels_or_why(w, labels, why):
    """One convention's result, as EVALUATED and LABELS carry it: its labels, or why it has none."""
    w.bool(labels is not None)
    if labels is not None:
        w.int(len(labels))
        w.raw(bytes(labels))
    else:
        w.string(why)


def read_labels(reader):
    """(labels or None, why, output), as write_labels takes them."""
    _expect(reader, LABELS, "LABELS")
    if reader.bool():
        labels, why = list(reader.raw(reader.int())), None
    else:
        labels, why = None, reader.string()
    return labels, why, reader.string()
