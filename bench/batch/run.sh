#!/usr/bin/env bash
# Throughput of `grader batch` on a folder of realistic submissions, against a baseline measured
# in the same run: `grader grade` on the same submissions, one by one, in a shell loop.
#
#   bench/batch/run.sh                                  # 100 submissions, --jobs 2, baseline on all 100
#   COUNT=100 JOBS=2 BASELINE=20 bench/batch/run.sh     # baseline on the first 20 only (faster)
#
# `grader batch` is timed twice: as the README runs it (grader/target/grader: class-data archive,
# C2 for the model evaluator alone, serial GC) and as plain `java -jar grader.jar`. Needs a build (`mvn -q -B -o install -DskipTests`,
# run here if grader.jar or the test classes are missing). Prints submissions per minute, CPU
# seconds per submission (children included) and the load average: other work on the machine
# slows every figure.
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT=${COUNT:-100}
JOBS=${JOBS:-2}
BASELINE=${BASELINE:-$COUNT}
WORK=${WORK:-$(mktemp -d -t hw5-bench-batch-XXXXXX)}
JAR=grader/target/grader.jar
COMMAND=grader/target/grader

if [[ ! -f $JAR || ! -x $COMMAND || ! -d grader/target/test-classes ]]; then
  mvn -q -B -o install -DskipTests
fi

rm -rf "$WORK/submissions" "$WORK/batch" "$WORK/batch-default-jvm" "$WORK/loop"
java -cp grader/target/test-classes:$JAR edu.mlcourse.hw5.grader.corpus.BatchFolder "$WORK/submissions" "$COUNT" .

# Runs "$@" and sets SECONDS_TAKEN (wall) and CPU_TAKEN (user + system, children included).
measure() {
  local TIMEFORMAT='%R %U %S'
  { time "$@" >/dev/null 2>&3; } 3>&2 2>"$WORK/time.txt"
  SECONDS_TAKEN=$(awk '{print $1}' "$WORK/time.txt")
  CPU_TAKEN=$(awk '{print $2 + $3}' "$WORK/time.txt")
  echo "  done: $* (load average now $(cut -d' ' -f1 /proc/loadavg))" >&2
}

row() { # name count seconds cpu
  printf '%-72s %4d in %6.1f s  %6.1f /min  %5.2f CPU-s each\n' "$1" "$2" "$3" \
    "$(echo "$2 * 60 / $3" | bc -l)" "$(echo "$4 / $2" | bc -l)"
}

loop() {
  local n=0 submission id
  for submission in "$WORK"/submissions/*; do
    (( n++ < BASELINE )) || break
    id=$(basename "$submission" .zip)
    java -jar $JAR grade "$submission" --results "$WORK/loop/$id/results.json" --format none
  done
}

echo "$COUNT submissions in $WORK/submissions; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure $COMMAND batch "$WORK/submissions" --out "$WORK/batch" --jobs "$JOBS"
FAST_SECONDS=$SECONDS_TAKEN FAST_CPU=$CPU_TAKEN
measure java -jar $JAR batch "$WORK/submissions" --out "$WORK/batch-default-jvm" --jobs "$JOBS"
DEFAULT_SECONDS=$SECONDS_TAKEN DEFAULT_CPU=$CPU_TAKEN
measure loop
LOOP_SECONDS=$SECONDS_TAKEN LOOP_CPU=$CPU_TAKEN
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
row "grader/target/grader batch --jobs $JOBS" "$COUNT" "$FAST_SECONDS" "$FAST_CPU"
row "java -jar grader.jar batch --jobs $JOBS" "$COUNT" "$DEFAULT_SECONDS" "$DEFAULT_CPU"
row "java -jar grader.jar grade, one by one" "$BASELINE" "$LOOP_SECONDS" "$LOOP_CPU"
printf 'speed-up over the loop: %.1fx (the command), %.1fx (java -jar)\n' \
  "$(echo "($COUNT / $FAST_SECONDS) / ($BASELINE / $LOOP_SECONDS)" | bc -l)" \
  "$(echo "($COUNT / $DEFAULT_SECONDS) / ($BASELINE / $LOOP_SECONDS)" | bc -l)"

# Every way of grading must give every submission the same score.
mismatches=0
for results in "$WORK"/loop/*/results.json; do
  id=$(basename "$(dirname "$results")")
  for batch in batch batch-default-jvm; do
    if [[ $(sed -n 2p "$results") != $(sed -n 2p "$WORK/$batch/$id/results.json") ]]; then
      echo "score differs for $id in $batch" >&2
      mismatches=$((mismatches + 1))
    fi
  done
done
cmp -s "$WORK/batch/scores.csv" "$WORK/batch-default-jvm/scores.csv" || { echo "the two batches' scores.csv differ" >&2; mismatches=$((mismatches + 1)); }
echo "scores compared: $mismatches difference(s). Files in $WORK"
[[ $mismatches -eq 0 ]]
