"""One conversation with the grader (worker/PROTOCOL.md): connect, say HELLO, load q1.py, answer calls."""
import importlib
import os
import platform
import resource
import socket
import sys
import tempfile

from hw5_worker import contract, invoker, protocol
from hw5_worker.capture import Capture
from hw5_worker.protocol import Reader, Unavailable

MODULE = "q1"


class Session:
    def __init__(self, reader, send, capture):
        self._reader = reader
        self._pid = os.getpid()
        self._raw_send = send
        self._capture = capture
        self._bindings = None
        self._student_dir = None
        self._evaluation = None

    def _send(self, message):
        self._only_the_worker_goes_on()
        self._raw_send(message)

    def _only_the_worker_goes_on(self):
        """A process the student code forked returns into this loop too: if it went on, two
        processes would answer on one socket and the grader would pair answers with the wrong
        calls. Such a copy leaves at once, before it runs or says anything more."""
        if os.getpid() != self._pid:
            os._exit(0)

    def run(self):
        self._send(protocol.write_hello(protocol.VERSION, runtime()))
        while True:
            try:
                kind = self._reader.byte()
            except EOFError:
                return
            if kind == protocol.LOAD:
                self._send(self._load(protocol.read_load_body(self._reader)))
            elif kind == protocol.CALL:
                self._send(self._call(*protocol.read_call_body(self._reader, contract.FUNCTIONS)))
            elif kind == protocol.EVALUATE:
                self._send(self._evaluate(*protocol.read_evaluate_body(self._reader)))
            elif kind == protocol.COMPLETE:
                self._send(self._complete(protocol.read_complete_body(self._reader)))
            elif kind == protocol.EXIT:
                return
            else:
                raise protocol.ProtocolError("unknown request %d" % kind)

    def _load(self, files):
        self._student_dir = os.path.realpath(tempfile.mkdtemp(prefix="student-", dir=os.getcwd()))
        for name, data in files:
            if os.path.basename(name) != name or not name.endswith(".py"):
                raise protocol.ProtocolError("not a module file name: %r" % name)
            with open(os.path.join(self._student_dir, name), "wb") as out:
                out.write(data)
        self._capture.shorten(self._student_dir)
        sys.path.insert(0, self._student_dir)
        importlib.invalidate_caches()
        try:
            module = importlib.import_module(MODULE)
        except BaseException as error:  # whatever the import does is the student's
            self._only_the_worker_goes_on()  # before the error's own code (its __str__) runs in a copy
            return protocol.write_loaded(None, invoker.threw(error, self._student_dir), self._capture.drain())
        self._bindings = [invoker.bind(module, f) for f in contract.FUNCTIONS]
        return protocol.write_loaded([b.problem for b in self._bindings], None, self._capture.drain())

    def _call(self, function, argument_lists):
        outcomes = []
        for args in argument_lists:
            if self._bindings is None:
                outcomes.append(Unavailable("q1.py was not loaded"))
            else:
                outcomes.append(invoker.invoke(self._bindings[function.index], args, self._student_dir))
                self._only_the_worker_goes_on()
        return protocol.write_results(function, outcomes, self._capture.drain())

    def _evaluate(self, name, model_bytes, notebook_bytes, images, rows, columns):
        from hw5_worker import model
        notes = []
        try:
            self._evaluation = model.Evaluation(model_bytes, notebook_bytes, images, notes)
            results = self._evaluation.sample()
        except model.ModelError as error:
            return protocol.write_evaluated(notes, [], Unavailable(str(error)), self._capture.drain())
        except BaseException as error:  # whatever loading the student's pickle does is theirs
            return protocol.write_evaluated(notes, [], invoker.threw(error, "q2.ipynb"), self._capture.drain())
        return protocol.write_evaluated(notes, results, None, self._capture.drain())

    def _complete(self, index):
        from hw5_worker import model
        if self._evaluation is None or not self._evaluation.ran(index):
            raise protocol.ProtocolError("COMPLETE of convention %d, which did not run on the sample" % index)
        try:
            labels, why = self._evaluation.complete(index), None
        except model.ModelError as error:
            labels, why = None, str(error)
        except BaseException as error:  # the student's model failing on a later image
            labels, why = None, model.describe(error)
        return protocol.write_labels(labels, why, self._capture.drain())


def runtime():
    import numpy
    text = "Python %s, numpy %s" % (platform.python_version(), numpy.__version__)
    torch = sys.modules.get("torch")
    return text + (", PyTorch %s" % torch.__version__ if torch is not None else "")


def limit_memory(megabytes):
    """The counterpart of the student JVM's -Xmx: the student code cannot raise it again."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(argv):
    """argv: [--address-space-mb=N] SOCKET_PATH"""
    if not argv or len(argv) > 2 or (len(argv) == 2 and not argv[0].startswith("--address-space-mb=")):
        raise SystemExit("usage: python3 hw5-python-worker.pyz [--address-space-mb=N] SOCKET_PATH")
    # numpy (and for models, PyTorch) first, before the limit and before any student code: their
    # imports are the worker's, not the student's.
    import numpy  # noqa: F401
    if os.environ.get("HW5_WORKER_TORCH") == "1":
        try:
            import torch  # noqa: F401
        except Exception:  # noqa: BLE001  no PyTorch here: HELLO's runtime says so, and the grader tells the staff
            pass
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
