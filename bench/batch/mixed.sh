#!/usr/bin/env bash
# CPU seconds per complete submission in a mixed batch (issue 24: at most 2.5), and the rate: EACH
# Java and EACH Python complete submissions, the references (Q1, predictions.npy, the model file;
# q2.ipynb for Python), graded by `grader batch --jobs JOBS` two ways in one run: the README's
# command (grader/target/grader) and plain `java -jar grader.jar`. Every model file differs from the
# others, so every one is evaluated (a batch evaluates a model file identical to one it evaluated
# before only once): each Java copy's my_model.json has its own 1e-9 added to one bias, each Python
# copy's my_model.pt is the reference's TorchScript saved again with an extra file naming the copy.
#
#   bench/batch/mixed.sh [EACH]      (default 10, so 20 submissions; JOBS=2)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
each=${1:-10}
jobs=${JOBS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -B -ntp -o -q -pl grader -am package -DskipTests >&2
java_ref=examples/submissions/java-reference
python_ref=examples/submissions/python-reference
for ((i = 1; i <= each; i++)); do
  mkdir -p "$work/subs/java-$i" "$work/subs/python-$i"
  cp "$java_ref/Q1.java" "$java_ref/predictions.npy" "$work/subs/java-$i/"
  /usr/bin/python3 - "$java_ref/my_model.json" "$work/subs/java-$i/my_model.json" "$i" <<'PY'
import json, sys
model = json.load(open(sys.argv[1]))
model["layers"][-1]["b"][0] += int(sys.argv[3]) * 1e-9
json.dump(model, open(sys.argv[2], "w"))
PY
  cp "$python_ref/q1.py" "$python_ref/q2.ipynb" "$python_ref/predictions.npy" "$work/subs/python-$i/"
done
/usr/bin/python3 - "$python_ref/my_model.pt" "$work/subs" "$each" <<'PY'
import sys, torch
extra = {"hw5_input": ""}
model = torch.jit.load(sys.argv[1], _extra_files=extra)
for i in range(1, int(sys.argv[3]) + 1):
    torch.jit.save(model, "%s/python-%d/my_model.pt" % (sys.argv[2], i), _extra_files=dict(extra, bench_copy=str(i)))
PY
count=$((2 * each))
mkdir -p "$here/results"
results="$here/results/$(date +%Y-%m-%d-%H%M%S)-mixed.txt"
echo "# $(date -Is) $count complete submissions ($each Java, $each Python), --jobs $jobs, $(nproc) cores, $(java -version 2>&1 | head -1)" | tee "$results"
declare -A command=([command]="$root/grader/target/grader" [plain]="java -jar $root/grader/target/grader.jar")
for c in command plain; do
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  # shellcheck disable=SC2086
  /usr/bin/time -o "$work/time" -f "%e %U %S" ${command[$c]} batch "$work/subs" --out "$work/out-$c" --jobs "$jobs" \
    >/dev/null 2>&1
  read -r wall user sys < "$work/time"
  full=$(/usr/bin/python3 -c "import csv, sys; print(sum(float(r['total']) == 100 for r in csv.DictReader(open(sys.argv[1]))))" \
    "$work/out-$c/scores.csv")
  awk -v c="$c" -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v b="$before" -v a="$(cut -d' ' -f1-3 /proc/loadavg)" \
      -v full="$full" 'BEGIN {
    printf "%-8s %6.1f s wall, %5.2f CPU-s per submission, %5.1f per minute (300 in %.0f min); %d of %d scored 100; load average %s before, %s after\n",
      c, w, (u + s) / n, n * 60 / w, 300 / (n * 60 / w), full, n, b, a }' | tee -a "$results"
done
cmp -s "$work/out-command/scores.csv" "$work/out-plain/scores.csv" \
  && echo "scores.csv identical both ways" | tee -a "$results" \
  || { echo "scores.csv differs between the two ways" | tee -a "$results"; exit 1; }
