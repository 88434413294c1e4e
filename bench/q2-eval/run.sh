#!/usr/bin/env bash
# The grader's my_model.json evaluator against PyTorch (Debian's torch, float32, as students run a
# model) evaluating the same network on the same 10000 held-out images, on the same number of
# cores: each round runs both pinned to one core (taskset, torch.set_num_threads(1)), then both on
# every core, alternating, because the machine is shared and noisy. Each process evaluates REPEATS
# times: the first call is what one `grader grade` pays (a cold JIT), the later ones are steady.
# Prints wall and CPU seconds per call, then medians and the ratios grader / PyTorch, with the load
# average; keeps the output in bench/q2-eval/results/.
#
#   bench/q2-eval/run.sh [MODEL.json]       (default: the Java reference's my_model.json)
#   ROUNDS=5 REPEATS=3 bench/q2-eval/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
model=${1:-$root/examples/submissions/java-reference/my_model.json}
ROUNDS=${ROUNDS:-3}
REPEATS=${REPEATS:-3}
PYTHON=${PYTHON:-/usr/bin/python3}
JAVA=${JAVA:-java}
out="$here/target"
mkdir -p "$out/classes" "$here/results"
results="$here/results/$(date +%Y-%m-%d-%H%M%S).txt"

(cd "$root" && mvn -B -ntp -o -q -pl grader -am package -DskipTests)
jar="$root/grader/target/grader.jar"
javac -d "$out/classes" -cp "$jar" "$here/java/hw5/EvalBench.java"

{
  echo "# $(date -Is) $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1)"
  echo "# torch $("$PYTHON" -c 'import torch; print(torch.__version__)') with libblas.so.3 -> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3); model $model"
} | tee "$results"
all=$(seq -s, 0 $(($(nproc) - 1)))
for round in $(seq 1 "$ROUNDS"); do
  for cores in 1 "$(nproc)"; do
    cpus=$([[ $cores == 1 ]] && echo 0 || echo "$all")
    taskset -c "$cpus" "$JAVA" -cp "$jar:$out/classes" hw5.EvalBench "$model" "$root/heldout" "$REPEATS" \
      | sed -u "s/^/round=$round cores=$cores /" | tee -a "$results"
    OMP_NUM_THREADS=$cores OPENBLAS_NUM_THREADS=$cores taskset -c "$cpus" \
      "$PYTHON" "$here/torch_eval.py" "$model" "$root/heldout/public/images-idx3-ubyte" "$cores" "$REPEATS" \
      | sed -u "s/^/round=$round cores=$cores /" | tee -a "$results"
  done
  echo "# load average after round $round: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
done
"$PYTHON" "$here/summarise.py" "$results" | tee -a "$results"
