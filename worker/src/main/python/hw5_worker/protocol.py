"""The Python codec of the worker protocol (worker/PROTOCOL.md): message types, encodings, outcomes.

Pure Python (struct), so that it can be tested without numpy. Big-endian throughout.
"""
import struct

VERSION = 1

HELLO = 10
LOAD = 1
CALL = 2
EXIT = 3
LOADED = 11
RESULTS = 12
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
