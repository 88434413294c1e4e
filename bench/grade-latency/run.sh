#!/usr/bin/env bash
# Wall time to grade one submission end to end (find, compile, check, write results.json) with
# grader.jar, run two ways: plain `java -jar` and as the README, Gradescope and the Docker image run
# it (grader/target/grader: a class-data-sharing archive made at build, C2 for the model evaluator
# alone, serial GC); against what a student runs (copy the submission into the student template
# and run `mvn -o -q test -pl q1`: Maven, then the same sandboxed checks on the public cases only).
# Measured alternately in the same run because shared machines are noisy.
#
#   bench/grade-latency/run.sh [RUNS]      (default 7 runs of each; prints medians and the ratio)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Building (mvn install, so the template's dependencies resolve offline)..." >&2
mvn -B -q install -DskipTests >&2

# The submission: the reference Q1, as a student would upload it.
mkdir -p "$work/submission"
cp reference-solution/src/main/java/hw5/Q1.java "$work/submission/"

# The naive setup: the template with that Q1 and the public vectors in place.
cp -r student-template "$work/naive"
rm -rf "$work/naive/target"
cp "$work/submission/Q1.java" "$work/naive/q1/src/main/java/hw5/Q1.java"
mkdir -p "$work/naive/vectors" && cp -r test-vectors/public "$work/naive/vectors/public"
(cd "$work/naive" && mvn -B -o -q test -pl q1 >/dev/null)   # warm Maven's local repository and caches

# The README's command, which the build made with its class-data archive (as run_autograder runs it).
production=(grader/target/grader)

now() { date +%s%N; }
grader=(); tuned=(); naive=()
for ((i = 0; i < runs; i++)); do
  t=$(now); java -jar grader/target/grader.jar grade "$work/submission" --results "$work/results.json" --format none
  grader+=($(( ($(now) - t) / 1000000 )))
  t=$(now); "${production[@]}" grade "$work/submission" --results "$work/results.json" --format none
  tuned+=($(( ($(now) - t) / 1000000 )))
  t=$(now); (cd "$work/naive" && mvn -B -o -q test -pl q1 >/dev/null)
  naive+=($(( ($(now) - t) / 1000000 )))
done
score=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['score'])" "$work/results.json")

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
g=$(median "${grader[@]}"); p=$(median "${tuned[@]}"); n=$(median "${naive[@]}")
echo "runs: $runs each, alternating; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "grader, java -jar (sandboxed, public+hidden vectors, score $score): median ${g} ms  [${grader[*]}]"
echo "grader, grader/target/grader (CDS, serial GC, directives):  median ${p} ms  [${tuned[*]}]"
echo "template's mvn -o -q test -pl q1 (public vectors only):      median ${n} ms  [${naive[*]}]"
awk -v g="$g" -v p="$p" -v n="$n" 'BEGIN {printf "ratio mvn test / grader: %.2f (java -jar), %.2f (grader/target/grader)\n", n / g, n / p}'
