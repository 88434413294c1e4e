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
# shellcheck source=rounds.sh
. "$here/rounds.sh"
mvn -B -ntp -o -q -pl grader -am package -DskipTests >&2   # makes grader/target/grader and its archive
jar="$root/grader/target/grader.jar"
declare -A command=([plain]="java -jar $jar" [command]="$root/grader/target/grader")
order=(plain command)
make_submissions
results="$here/results/$(date +%Y-%m-%d-%H%M%S).txt"
echo "# $(date -Is) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee "$results"
grade_rounds "$results" "$runs"
