"""Medians of the per-epoch seconds in a run.sh results file (warm-up epochs dropped), per round
and overall, and the ratio DJL / PyTorch."""
import re
import statistics
import sys
from collections import defaultdict

times = defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"round=(\d+) (djl|torch) \S+ threads=\S+ batch=(\d+) epoch=(\d+) seconds=([\d.]+)", line)
    if m and int(m.group(4)) > 1:
        times[int(m.group(1)), m.group(2)].append(float(m.group(5)))

rounds = sorted({r for r, _ in times})
for r in rounds:
    djl, torch = statistics.median(times[r, "djl"]), statistics.median(times[r, "torch"])
    print(f"round {r}: DJL {djl:6.2f} s/epoch, PyTorch {torch:6.2f} s/epoch, DJL / PyTorch = {djl / torch:.2f}")
djl = statistics.median([t for r in rounds for t in times[r, "djl"]])
torch = statistics.median([t for r in rounds for t in times[r, "torch"]])
print(f"all rounds: DJL median {djl:.2f} s/epoch, PyTorch median {torch:.2f} s/epoch, DJL / PyTorch = {djl / torch:.2f}")
