"""What the worker tells the grader the student code printed. Run from the worker module:
PYTHONPATH=src/main/python python3 -m unittest discover -s src/test/python
"""
import os
import unittest

from hw5_worker import capture
from hw5_worker.capture import Capture


class CaptureTest(unittest.TestCase):
    def test_paths_in_the_students_folder_are_printed_as_the_student_knows_them(self):
        printed = Capture()
        folder = os.path.join(os.sep, "tmp", "hw5-scratch-1", "student-abc")
        printed.shorten(folder)
        printed.take(os.path.join(folder, "q1.py") + ":25: RuntimeWarning: overflow encountered in exp\n")
        printed.take("/usr/lib/python3/dist-packages/numpy/core/fromnumeric.py stays as it is\n")
        self.assertEqual("q1.py:25: RuntimeWarning: overflow encountered in exp\n"
                         "/usr/lib/python3/dist-packages/numpy/core/fromnumeric.py stays as it is\n", printed.drain())

    def test_output_beyond_the_limit_is_counted_not_kept(self):
        printed = Capture()
        printed.take("x" * (capture.LIMIT + 5))
        text = printed.drain()
        self.assertTrue(text.startswith("x" * capture.LIMIT))
        self.assertIn("[... 5 more bytes of output not shown]", text)
        self.assertEqual("", printed.drain(), "a drain starts the next message afresh")


if __name__ == "__main__":
    unittest.main()
