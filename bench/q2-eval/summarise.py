"""Medians per engine, core count and call (first / later) of a bench/q2-eval results file, and the ratios grader / PyTorch."""
import re, statistics, sys
from collections import defaultdict

runs = defaultdict(list)
labels = set()
for line in open(sys.argv[1]):
    m = re.match(r"round=(\d+) cores=(\d+) (java|torch) (?:threads=\d+ )?repeat=(\d+) seconds=([\d.]+) cpu=([\d.]+)", line)
    if m:
        call = "first" if m[4] == "0" else "later"
        runs[(m[3], int(m[2]), call)].append((float(m[5]), float(m[6])))
    m = re.search(r"(java|torch) labels=(\w+)", line)
    if m:
        labels.add(m[2])
print(f"labels: {'identical' if len(labels) == 1 else 'DIFFER: ' + str(labels)}")
for cores in sorted({k[1] for k in runs}):
    for call in ("first", "later"):
        j, t = runs.get(("java", cores, call)), runs.get(("torch", cores, call))
        if not j or not t:
            continue
        jw, jc = statistics.median(w for w, _ in j), statistics.median(c for _, c in j)
        tw, tc = statistics.median(w for w, _ in t), statistics.median(c for _, c in t)
        print(f"cores={cores} {call:5} call: grader {jw:.2f} s wall {jc:.2f} s CPU | PyTorch {tw:.2f} s wall {tc:.2f} s CPU"
              f" | ratio wall {jw / tw:.2f}, CPU {jc / tc:.2f}  (n={len(j)}/{len(t)})")
