#!/usr/bin/env bash
# `grader grade` as the README runs it (grader/target/grader: class-data archive, C2 for the model
# evaluator alone, serial GC) and as plain `java -jar grader.jar`, with and without model files,
# round after round (the machine is shared and noisy), with `javac Q1.java` as a separate process
# timed beside them as the yardstick for a Q1-only grade. Issue 24's ratios, each from one run:
# a complete submission against the same submission without its model file, and a Q1-only Java
# submission against javac.
#
#   bench/grade-flags/run.sh [RUNS]     (default 5 rounds)
# Submissions: the Java reference complete (Q1.java, predictions.npy, my_model.json), without its
# model file, and Q1.java alone; the Python reference complete (q1.py, q2.ipynb, predictions.npy,
# my_model.pt) and without its model file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -B -ntp -o -q -pl grader -am package -DskipTests >&2   # makes grader/target/grader and its archive
jar="$root/grader/target/grader.jar"
mkdir -p "$work/java-no-model" "$work/java-q1" "$work/python-no-model" "$here/results"
java_ref=examples/submissions/java-reference
python_ref=examples/submissions/python-reference
cp "$java_ref/Q1.java" "$java_ref/predictions.npy" "$work/java-no-model/"
cp "$java_ref/Q1.java" "$work/java-q1/"
cp "$python_ref/q1.py" "$python_ref/q2.ipynb" "$python_ref/predictions.npy" "$work/python-no-model/"
declare -A command=([plain]="java -jar $jar" [command]="$root/grader/target/grader")
order=(plain command)
declare -A subs=(
  [java-complete]=$java_ref [java-no-model]="$work/java-no-model" [java-q1]="$work/java-q1"
  [python-complete]=$python_ref [python-no-model]="$work/python-no-model"
)
results="$here/results/$(date +%Y-%m-%d-%H%M%S).txt"
echo "# $(date -Is) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee "$results"
for ((r = 1; r <= runs; r++)); do
  echo "# load average before round $r: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
  /usr/bin/time -o "$work/time" -f "%e %U %S" javac -d "$work/javac-out" "$java_ref/Q1.java" \
    student-template/q1/src/main/java/hw5/LinearGrads.java
  read -r wall user sys < "$work/time"
  echo "round=$r javac wall=$wall cpu=$(echo "$user + $sys" | bc)" | tee -a "$results"
  for s in java-complete java-no-model java-q1 python-complete python-no-model; do
    for c in "${order[@]}"; do
      # shellcheck disable=SC2086
      /usr/bin/time -o "$work/time" -f "%e %U %S" ${command[$c]} grade "${subs[$s]}" \
        --results "$work/$s-$c.json" --format none 2>/dev/null || true
      read -r wall user sys < "$work/time"
      score=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['score'])" "$work/$s-$c.json")
      echo "round=$r $s $c wall=$wall cpu=$(echo "$user + $sys" | bc) score=$score" | tee -a "$results"
    done
  done
done
echo "# load average after round $runs: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
/usr/bin/python3 - "$results" <<'PY' | tee -a "$results"
import re, statistics, sys
from collections import defaultdict
t = defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"round=\d+ (\S+) (?:(\S+) )?wall=([\d.]+) cpu=([\d.]+)", line)
    if m: t[(m[1], m[2] or "")].append((float(m[3]), float(m[4])))
med = lambda k, i: statistics.median(v[i] for v in t[k])
print("medians, wall / CPU (user+sys of the grader and its children) seconds:")
print("javac Q1.java: %.2f / %.2f" % (med(("javac", ""), 0), med(("javac", ""), 1)))
for s in ("java-complete", "java-no-model", "java-q1", "python-complete", "python-no-model"):
    print(s + ": " + ", ".join("%s %.2f / %.2f" % (c, med((s, c), 0), med((s, c), 1)) for c in ("plain", "command")))
for c in ("plain", "command"):
    for i, what in ((0, "wall"), (1, "CPU")):
        print("%-7s %-4s complete / without model file: Java %.2f, Python %.2f; Java Q1-only / javac %.2f" % (c, what,
              med(("java-complete", c), i) / med(("java-no-model", c), i),
              med(("python-complete", c), i) / med(("python-no-model", c), i),
              med(("java-q1", c), i) / med(("javac", ""), i)))
PY
