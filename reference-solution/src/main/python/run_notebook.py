"""Runs a notebook's code cells in order, in one namespace, as Jupyter's "Run all" does: for
machines without Jupyter (CI). Usage: python3 run_notebook.py NOTEBOOK.ipynb
"""
import json
import sys


def main(path):
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    namespace = {"__name__": "__main__"}
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell.get("cell_type") == "code":
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            exec(compile(source, "%s, cell %d" % (path, number), "exec"), namespace)


if __name__ == "__main__":
    main(sys.argv[1])
