"""Medians and issue 24's ratios from the lines run.sh and compare.sh write, for the labels given.

    /usr/bin/python3 medians.py RESULTS LABEL [LABEL ...]
Lines: "round=R javac wall=W cpu=C" and "round=R SUBMISSION LABEL wall=W cpu=C ...".
"""
import re
import statistics
import sys
from collections import defaultdict

SUBMISSIONS = ("java-complete", "java-no-model", "java-q1", "python-complete", "python-no-model")


def main(results, labels):
    times = defaultdict(list)
    for line in open(results):
        m = re.match(r"round=\d+ (\S+) (?:(\S+) )?wall=([\d.]+) cpu=([\d.]+)", line)
        if m:
            times[(m[1], m[2] or "")].append((float(m[3]), float(m[4])))

    def med(key, i):
        return statistics.median(v[i] for v in times[key])

    print("medians, wall / CPU (user+sys of the grader and its children) seconds:")
    print("javac Q1.java: %.2f / %.2f" % (med(("javac", ""), 0), med(("javac", ""), 1)))
    for s in SUBMISSIONS:
        print(s + ": " + ", ".join("%s %.2f / %.2f" % (c, med((s, c), 0), med((s, c), 1)) for c in labels))
    for c in labels:
        for i, what in ((0, "wall"), (1, "CPU")):
            print("%-7s %-4s complete / without model file: Java %.2f, Python %.2f; Java Q1-only / javac %.2f" % (
                c, what,
                med(("java-complete", c), i) / med(("java-no-model", c), i),
                med(("python-complete", c), i) / med(("python-no-model", c), i),
                med(("java-q1", c), i) / med(("javac", ""), i)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
