"""Medians of the per-epoch seconds in a run.sh results file (warm-up epochs dropped), per round
and overall, and the ratio DJL / PyTorch, for each thread count."""
import re
import statistics
import sys
from collections import defaultdict

times = defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"round=(\d+) (djl|torch) \S+ threads=(\d+) batch=(\d+) epoch=(\d+) seconds=([\d.]+)", line)
    if m and int(m.group(5)) > 1:
        times[int(m.group(1)), int(m.group(3)), m.group(2)].append(float(m.group(6)))

rounds = sorted({r for r, _, _ in times})
for threads in sorted({t for _, t, _ in times}, reverse=True):
    for r in rounds:
        djl, torch = statistics.median(times[r, threads, "djl"]), statistics.median(times[r, threads, "torch"])
        print(f"{threads} thread(s), round {r}: DJL {djl:6.2f} s/epoch, PyTorch {torch:6.2f} s/epoch,"
              f" DJL / PyTorch = {djl / torch:.2f}")
    djl = statistics.median([t for r in rounds for t in times[r, threads, "djl"]])
    torch = statistics.median([t for r in rounds for t in times[r, threads, "torch"]])
    print(f"{threads} thread(s), all rounds: DJL median {djl:.2f} s/epoch, PyTorch median {torch:.2f} s/epoch,"
          f" DJL / PyTorch = {djl / torch:.2f}")
