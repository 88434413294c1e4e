"""One conversation with the grader (worker/PROTOCOL.md): connect, say HELLO, load q1.py, answer calls."""
import importlib
import os
import platform
import resource
import socket
import sys
import tempfile

from hw5_worker import contract, invoker
from hw5_worker.capture import Capture
from hw5_worker.protocol import (CALL, EXIT, HELLO, LOAD, LOADED, RESULTS, STATUS_FAILED, STATUS_OK, VERSION,
                                 ProtocolError, Reader, Unavailable, Writer)

MODULE = "q1"


class Session:
    def __init__(self, reader, send, capture):
        self._reader = reader
        self._send = send
        self._capture = capture
        self._bindings = None
        self._student_dir = None

    def run(self):
        hello = Writer()
        hello.byte(HELLO)
        hello.int(VERSION)
        hello.string(runtime())
        self._send(hello.bytes())
        while True:
            try:
                kind = self._reader.byte()
            except EOFError:
                return
            if kind == LOAD:
                self._send(self._load())
            elif kind == CALL:
                self._send(self._call())
            elif kind == EXIT:
                return
            else:
                raise ProtocolError("unknown request %d" % kind)

    def _load(self):
        count = self._reader.int()
        files = [(self._reader.string(), self._reader.raw(self._reader.int())) for _ in range(count)]
        self._student_dir = os.path.realpath(tempfile.mkdtemp(prefix="student-", dir=os.getcwd()))
        for name, data in files:
            if os.path.basename(name) != name or not name.endswith(".py"):
                raise ProtocolError("not a module file name: %r" % name)
            with open(os.path.join(self._student_dir, name), "wb") as out:
                out.write(data)
        sys.path.insert(0, self._student_dir)
        importlib.invalidate_caches()
        message = Writer()
        message.byte(LOADED)
        try:
            module = importlib.import_module(MODULE)
        except BaseException as error:  # whatever the import does is the student's
            message.byte(STATUS_FAILED)
            message.outcome(invoker.threw(error, self._student_dir), ())
        else:
            self._bindings = [invoker.bind(module, f) for f in contract.FUNCTIONS]
            message.byte(STATUS_OK)
            for binding in self._bindings:
                message.string(binding.problem)
        message.string(self._capture.drain())
        return message.bytes()

    def _call(self):
        function = contract.FUNCTIONS[self._reader.int()]
        count = self._reader.int()
        calls = [[self._reader.array(p.rank) for p in function.params] for _ in range(count)]
        message = Writer()
        message.byte(RESULTS)
        for args in calls:
            if self._bindings is None:
                outcome = Unavailable("q1.py was not loaded")
            else:
                outcome = invoker.invoke(self._bindings[function.index], args, self._student_dir)
            message.outcome(outcome, function.outputs)
        message.string(self._capture.drain())
        return message.bytes()


def runtime():
    import numpy
    return "Python %s, numpy %s" % (platform.python_version(), numpy.__version__)


def limit_memory(megabytes):
    """The counterpart of the student JVM's -Xmx: the student code cannot raise it again."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(argv):
    """argv: [--address-space-mb=N] SOCKET_PATH"""
    if not argv or len(argv) > 2 or (len(argv) == 2 and not argv[0].startswith("--address-space-mb=")):
        raise SystemExit("usage: python3 hw5-python-worker.pyz [--address-space-mb=N] SOCKET_PATH")
    # numpy first, before the limit and before any student code: its import is the worker's, not theirs.
    import numpy  # noqa: F401
    if len(argv) == 2:
        limit_memory(int(argv[0].split("=", 1)[1]))
    capture = Capture.install()
    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    channel.connect(argv[-1])
    reader = Reader(channel.makefile("rb", buffering=1 << 16))
    try:
        Session(reader, channel.sendall, capture).run()
    finally:
        # Threads the student code started must not keep the process alive.
        os._exit(0)
