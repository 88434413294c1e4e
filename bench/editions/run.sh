#!/usr/bin/env bash
# One submission end to end, Python edition against Java edition: the reference q1.py and the
# reference Q1.java graded by grader.jar (public and hidden vectors, gradient checks, sandboxed as
# this machine allows), alternately in the same run because shared machines are noisy. Prints
# both medians and the ratio Python / Java.
#
#   bench/editions/run.sh [RUNS]      (default 7 runs of each)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
[[ -f grader/target/grader.jar ]] || mvn -B -q package -DskipTests >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/java" "$work/python"
cp reference-solution/src/main/java/hw5/Q1.java "$work/java/"
cp reference-solution/src/main/python/q1.py "$work/python/"
grade() { java -jar grader/target/grader.jar grade "$1" --results "$work/results.json" --format none; }
score() { /usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['score'])" "$work/results.json"; }
grade "$work/java"; grade "$work/python"   # warm the file cache and the Python probe's imports

now() { date +%s%N; }
java=(); python=()
for ((i = 0; i < runs; i++)); do
  t=$(now); grade "$work/java"; java+=($(( ($(now) - t) / 1000000 )))
  t=$(now); grade "$work/python"; python+=($(( ($(now) - t) / 1000000 )))
done
python_score=$(score)
grade "$work/java"; java_score=$(score)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
j=$(median "${java[@]}"); p=$(median "${python[@]}")
echo "runs: $runs each, alternating; user $(id -un); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java edition, Q1.java (score $java_score):   median ${j} ms  [${java[*]}]"
echo "Python edition, q1.py (score $python_score): median ${p} ms  [${python[*]}]"
awk -v j="$j" -v p="$p" 'BEGIN {printf "ratio Python / Java: %.2f\n", p / j}'
