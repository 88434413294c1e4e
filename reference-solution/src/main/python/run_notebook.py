"""Runs a notebook's code cells in order, in one namespace, as Jupyter's "Run all" does: for
machines without Jupyter (CI).

    python3 run_notebook.py NOTEBOOK.ipynb                       # in the current folder
    python3 run_notebook.py NOTEBOOK.ipynb --in OUT --heldout IMAGES

With --in, the cells run in the folder OUT (made if needed), where the notebook writes its files
(my_model.pt, predictions.npy), as a student's notebook runs in the bundle's folder; with
--heldout, the held-out images file is put where the course's q2.ipynb reads it,
OUT/data/heldout/images-idx3-ubyte, and removed again afterwards, so that OUT holds only what a
student submits.
"""
import argparse
import json
import os
import shutil


def run(path):
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    namespace = {"__name__": "__main__"}
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell.get("cell_type") == "code":
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            exec(compile(source, "%s, cell %d" % (path, number), "exec"), namespace)


def main():
    parser = argparse.ArgumentParser(description="Runs a notebook's code cells in order, without Jupyter.")
    parser.add_argument("notebook")
    parser.add_argument("--in", dest="folder", help="the folder to run in, where the notebook writes its files")
    parser.add_argument("--heldout", help="the held-out images (idx), put in FOLDER/data/heldout/ while it runs")
    args = parser.parse_args()
    notebook = os.path.abspath(args.notebook)
    heldout = os.path.abspath(args.heldout) if args.heldout else None
    if args.folder:
        os.makedirs(args.folder, exist_ok=True)
        os.chdir(args.folder)
    made = None
    if heldout:
        if os.path.exists("data"):
            raise SystemExit("%s already holds data/: --heldout would mix its own files with the run's"
                             % os.getcwd())
        os.makedirs("data/heldout")
        made = "data"
        shutil.copyfile(heldout, "data/heldout/images-idx3-ubyte")
    try:
        run(notebook)
    finally:
        if made:
            shutil.rmtree(made)


if __name__ == "__main__":
    main()
