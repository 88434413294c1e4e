#!/usr/bin/env bash
# Two builds of the grader side by side: this checkout's grader/target/grader against that of
# another commit, built in a temporary worktree, on run.sh's five submissions, interleaved round
# after round (the machine is shared and noisy), with `javac Q1.java` timed beside them. Prints
# the medians and issue 24's ratios of each build, all from the one run, and keeps the raw lines
# in results/compare-DATE.txt.
#
#   bench/grade-flags/compare.sh BASE_COMMIT [ROUNDS]     (default 6 rounds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
base_commit=${1:?usage: compare.sh BASE_COMMIT [ROUNDS]}
rounds=${2:-6}
work=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
cd "$root"
# shellcheck source=rounds.sh
. "$here/rounds.sh"
mvn -B -ntp -o -q -pl grader -am package -DskipTests >&2
git worktree add -q --detach "$work/base" "$base_commit"
(cd "$work/base" && mvn -B -ntp -o -q -pl grader -am package -DskipTests >&2)
declare -A command=([base]="$work/base/grader/target/grader" [new]="$root/grader/target/grader")
order=(base new)
make_submissions
results="$here/results/compare-$(date +%Y-%m-%d-%H%M%S).txt"
echo "# $(date -Is) base $(git rev-parse --short "$base_commit"), new $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with changes'); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$results"
grade_rounds "$results" "$rounds"
