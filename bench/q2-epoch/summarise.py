"""Medians of the per-epoch seconds in a run.sh results file (warm-up epochs dropped) and the
ratio Java / fastest PyTorch setup, for every architecture and for the two-network ensemble."""
import re
import statistics
import sys
from collections import defaultdict

times = defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"((?:java|torch)\S*) (\S+) threads=(\d+) batch=(\d+) epoch=(\d+) seconds=([\d.]+)", line)
    if m and int(m.group(5)) > 1:
        impl, arch, threads = m.group(1), m.group(2), int(m.group(3))
        group = (arch, "/x2" in impl)
        times[group, impl, threads].append(float(m.group(6)))

for arch, pair in sorted({k[0] for k in times}, key=lambda g: ([int(x) for x in g[0].split(",")], g[1])):
    what = "two networks at once, one per core" if pair else "one network"
    print(f"784-{arch.replace(',', '-')}-10, batch 64, {what}:")
    medians = {}
    for ((a, p), impl, threads), values in sorted(times.items()):
        if (a, p) == (arch, pair):
            medians[impl, threads] = statistics.median(values)
            print(f"  {impl:20s} {threads} thread(s): median {medians[impl, threads]:6.2f} s/epoch"
                  f" over {len(values):2d} epochs (min {min(values):.2f}, max {max(values):.2f})")
    java = [v for (impl, _), v in medians.items() if impl.startswith("java")]
    torch = [v for (impl, _), v in medians.items() if impl.startswith("torch")]
    if java and torch:
        print(f"  ratio Java / best PyTorch = {min(java) / min(torch):.2f}")
