"""What the model loader takes from q2.ipynb. Run from the worker module:
PYTHONPATH=src/main/python python3 -m unittest discover -s src/test/python
"""
import json
import unittest

from hw5_worker import notebook


class NotebookTest(unittest.TestCase):
    def test_a_notebook_saved_by_a_windows_editor_gives_its_code_cells(self):
        saved = {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [{"cell_type": "markdown", "source": ["# Q2"]},
                           {"cell_type": "code", "source": ["class Net:\n", "    pass\n"]}]}
        text = json.dumps(saved, indent=1).replace("\n", "\r\n")
        for form in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
            self.assertEqual(["class Net:\n    pass\n"], notebook.code_cells(form))


if __name__ == "__main__":
    unittest.main()
