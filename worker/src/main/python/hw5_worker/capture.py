"""What the student code prints, kept to 10 KB per message; the rest is only counted."""
import io
import sys

LIMIT = 10 * 1024


class _Bounded(io.TextIOBase):
    def __init__(self, capture):
        self._capture = capture

    def writable(self):
        return True

    def write(self, text):
        self._capture.take(str(text))
        return len(text)

    def flush(self):
        pass

    @property
    def encoding(self):
        return "utf-8"


class Capture:
    def __init__(self):
        self._kept = bytearray()
        self._dropped = 0

    @classmethod
    def install(cls):
        """Sends sys.stdout and sys.stderr here (the process's own descriptors stay the grader's)."""
        capture = cls()
        stream = _Bounded(capture)
        sys.stdout = stream
        sys.stderr = stream
        return capture

    def take(self, text):
        data = text.encode("utf-8", "replace")
        room = max(0, LIMIT - len(self._kept))
        self._kept += data[:room]
        self._dropped += max(0, len(data) - room)

    def drain(self):
        """What was printed since the last drain, with the note the grader adds up (keep in step
        with the Java worker's CapturedOutput)."""
        text = self._kept.decode("utf-8", "replace")
        if self._dropped:
            text += "\n[... %d more bytes of output not shown]\n" % self._dropped
        self._kept = bytearray()
        self._dropped = 0
        return text
