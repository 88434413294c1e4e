#!/usr/bin/env bash
# What isolating student code costs: the reference Q1 graded end to end with grader.jar, with the
# strongest isolation this machine allows (as root: its own user, namespaces, prlimit) and with
# `--isolation NONE`, alternately in the same run because shared machines are noisy. Run as root
# to measure anything (elsewhere both runs are unprotected). Prints both medians and the difference.
#
#   bench/isolation-cost/run.sh [RUNS]      (default 7 runs of each)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
[[ -f grader/target/grader.jar ]] || mvn -B -q package -DskipTests >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/submission"
cp reference-solution/src/main/java/hw5/Q1.java "$work/submission/"
grade() { java -jar grader/target/grader.jar grade "$work/submission" --results "$work/results.json" "$@"; }
grade --format none   # warm the file cache

now() { date +%s%N; }
isolated=(); plain=()
for ((i = 0; i < runs; i++)); do
  t=$(now); grade --format none; isolated+=($(( ($(now) - t) / 1000000 )))
  t=$(now); grade --format none --isolation NONE; plain+=($(( ($(now) - t) / 1000000 )))
done
level=$(grade --format text | grep -o 'isolated: [^;]*' | head -1 || true)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
i=$(median "${isolated[@]}"); p=$(median "${plain[@]}")
echo "runs: $runs each, alternating; user $(id -un); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "isolated (${level:-no isolation available: not root}): median ${i} ms  [${isolated[*]}]"
echo "--isolation NONE:                                          median ${p} ms  [${plain[*]}]"
awk -v i="$i" -v p="$p" 'BEGIN {printf "isolation costs %+d ms per submission (%.2fx)\n", i - p, i / p}'
