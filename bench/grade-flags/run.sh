#!/usr/bin/env bash
# Which JVM flags pay off for `grader grade`, with and without model files: each configuration
# grades the same submissions in turn, round after round (the machine is shared and noisy), and
# `javac Q1.java` as a separate process is timed beside them as the yardstick for a Q1-only grade.
#
#   bench/grade-flags/run.sh [RUNS]     (default 5 rounds)
# Submissions: the Java reference complete (Q1, predictions.npy, my_model.json) and Q1 only; the
# Python reference complete (q1.py, q2.ipynb, predictions.npy, my_model.pt) and q1.py only.
# Configurations: plain `java -jar`; C1 only + serial GC + class-data archive (run_autograder for a
# submission without my_model.json); serial GC + class-data archive with C2 kept; serial GC +
# class-data archive + C2 for the model evaluator alone (gradescope/setup.sh's jit-directives.json:
# run_autograder for a submission with a my_model.json).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -B -ntp -o -q -pl grader -am package -DskipTests >&2
jar="$root/grader/target/grader.jar"
mkdir -p "$work/java-q1" "$work/python-q1" "$here/results"
cp examples/submissions/java-reference/Q1.java "$work/java-q1/"
cp examples/submissions/python-reference/q1.py "$work/python-q1/"
mkdir -p "$work/warm" && printf 'package hw5;\npublic final class Q1 {\n}\n' > "$work/warm/Q1.java"
java -XX:ArchiveClassesAtExit="$work/grader.jsa" -jar "$jar" grade "$work/warm" --format none >/dev/null 2>&1
cds=(-XX:SharedArchiveFile="$work/grader.jsa" -Xshare:auto)
sed -n '/cat > "\$source_dir\/jit-directives.json"/,/^JSON$/p' gradescope/setup.sh | sed '1d;$d' > "$work/jit-directives.json"
declare -A config=(
  [plain]=""
  [c1-serial-cds]="${cds[*]} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  [serial-cds]="${cds[*]} -XX:+UseSerialGC"
  [c2-evaluator-serial-cds]="${cds[*]} -XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=$work/jit-directives.json -XX:+DisplayVMOutputToStderr"
)
order=(plain c1-serial-cds serial-cds c2-evaluator-serial-cds)
declare -A subs=(
  [java-complete]=examples/submissions/java-reference [java-q1]="$work/java-q1"
  [python-complete]=examples/submissions/python-reference [python-q1]="$work/python-q1"
)
results="$here/results/$(date +%Y-%m-%d-%H%M%S).txt"
echo "# $(date -Is) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee "$results"
for ((r = 1; r <= runs; r++)); do
  /usr/bin/time -o "$work/time" -f "%e %U %S" javac -d "$work/javac-out" examples/submissions/java-reference/Q1.java \
    student-template/q1/src/main/java/hw5/LinearGrads.java
  read -r wall user sys < "$work/time"
  echo "round=$r javac wall=$wall cpu=$(echo "$user + $sys" | bc)" | tee -a "$results"
  for s in java-complete java-q1 python-complete python-q1; do
    for c in "${order[@]}"; do
      # shellcheck disable=SC2086
      /usr/bin/time -o "$work/time" -f "%e %U %S" java ${config[$c]} -jar "$jar" grade "${subs[$s]}" \
        --results "$work/$s-$c.json" --format none || true
      read -r wall user sys < "$work/time"
      score=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['score'])" "$work/$s-$c.json")
      echo "round=$r $s $c wall=$wall cpu=$(echo "$user + $sys" | bc) score=$score" | tee -a "$results"
    done
  done
  echo "# load average after round $r: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
done
/usr/bin/python3 - "$results" <<'PY' | tee -a "$results"
import re, statistics, sys
from collections import defaultdict
t = defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"round=\d+ (\S+) (?:(\S+) )?wall=([\d.]+) cpu=([\d.]+)", line)
    if m: t[(m[1], m[2] or "")].append((float(m[3]), float(m[4])))
med = lambda k, i: statistics.median(v[i] for v in t[k])
configs = ("plain", "c1-serial-cds", "serial-cds", "c2-evaluator-serial-cds")
print("run_autograder (C1 without my_model.json, C2 for the evaluator with one): Java complete / Q1-only CPU %.2f, wall %.2f;"
      " Java Q1-only / javac CPU %.2f, wall %.2f" % (
      med(("java-complete", "c2-evaluator-serial-cds"), 1) / med(("java-q1", "c1-serial-cds"), 1),
      med(("java-complete", "c2-evaluator-serial-cds"), 0) / med(("java-q1", "c1-serial-cds"), 0),
      med(("java-q1", "c1-serial-cds"), 1) / med(("javac", ""), 1), med(("java-q1", "c1-serial-cds"), 0) / med(("javac", ""), 0)))
print("medians, wall / CPU (user+sys of the grader and its children) seconds:")
print("javac Q1.java: %.2f / %.2f" % (med(("javac", ""), 0), med(("javac", ""), 1)))
for s in ("java-complete", "java-q1", "python-complete", "python-q1"):
    print(s + ": " + ", ".join("%s %.2f / %.2f" % (c, med((s, c), 0), med((s, c), 1)) for c in configs))
configs = ("plain", "c1-serial-cds", "serial-cds", "c2-evaluator-serial-cds")
for c in configs:
    for i, what in ((0, "wall"), (1, "CPU")):
        print("%-14s %-4s complete / Q1-only: Java %.2f, Python %.2f; Java Q1-only / javac %.2f" % (c, what,
              med(("java-complete", c), i) / med(("java-q1", c), i), med(("python-complete", c), i) / med(("python-q1", c), i),
              med(("java-q1", c), i) / med(("javac", ""), i)))
PY
