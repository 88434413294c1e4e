"""The held-out agreement figures of every pair of predictions files, as the grader computes them.

    python3 bench/similarity/pairs.py FOLDER [--copies]

FOLDER holds .npy predictions (train.py writes them). For each pair: the images both got wrong
with the same wrong label (same), that count as a share of the errors of the one with fewer
errors (share), the count expected of independent errors given each one's confusion matrix
(expected = sum over classes c of n_c * sum over w != c of p_a(w|c) p_b(w|c)) and same/expected
(ratio). A pair is listed by `grader batch` when same >= 25, share >= 0.9 and ratio >= 3 (the
default rubric). With --copies it adds copies of the first file (exact, a third of its errors
fixed, 5% of its labels changed at random), as a student who copied would hand in.
"""
import argparse
import glob
import itertools
import os

import numpy as np


def figures(a, b, labels):
    per_class = np.bincount(labels, minlength=10)
    def rates(p):
        m = np.zeros((10, 10))
        np.add.at(m, (labels, p), 1)
        return m / np.maximum(1, per_class)[:, None]
    ra, rb = rates(a), rates(b)
    off = 1 - np.eye(10)
    expected = float((per_class[:, None] * ra * rb * off).sum())
    wa, wb = a != labels, b != labels
    same = int(np.sum(wa & wb & (a == b)))
    share = same / max(1, min(wa.sum(), wb.sum()))
    return same, share, expected, same / expected if expected else float("inf")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--copies", action="store_true")
    args = parser.parse_args()
    labels = np.frombuffer(open("heldout/hidden/labels-idx1-ubyte", "rb").read(), np.uint8, offset=8).astype(int)
    files = {os.path.basename(f): np.load(f).astype(int) for f in sorted(glob.glob(os.path.join(args.folder, "*.npy")))}
    if args.copies:
        first = next(iter(files.values()))
        r = np.random.default_rng(4)
        improved, noisy = first.copy(), first.copy()
        wrong = improved != labels
        fix = wrong & (r.random(len(labels)) < 1 / 3)
        improved[fix] = labels[fix]
        change = r.random(len(labels)) < 0.05
        noisy[change] = r.integers(0, 10, change.sum())
        files.update({"copy-exact": first.copy(), "copy-improved": improved, "copy-noisy": noisy})
    print("%-14s %-14s %7s %7s %6s %9s %6s %s" % ("a", "b", "acc a", "acc b", "same", "expected", "ratio", "share"))
    for (x, a), (y, b) in itertools.combinations(files.items(), 2):
        same, share, expected, ratio = figures(a, b, labels)
        listed = same >= 25 and share >= 0.9 and ratio >= 3
        print("%-14s %-14s %6.2f%% %6.2f%% %6d %9.1f %6.2f %.2f%s" % (x, y, 100 * (a == labels).mean(),
              100 * (b == labels).mean(), same, expected, ratio, share, "  LISTED" if listed else ""))


if __name__ == "__main__":
    main()
