#!/usr/bin/env bash
# Seconds per training epoch of the reference Q2 network: DJL (reference.jar, PyTorch 2.7.1's engine)
# against the same network, optimizer, schedule and batch size in PyTorch from Python (Debian's
# torch 1.13), interleaved round after round because the machine is shared and noisy: every round
# runs DJL then PyTorch with 2 threads, then both with 1 thread. The first epoch of every run is
# warm-up and dropped. Prints the median seconds per epoch of each and their ratio DJL / PyTorch
# (goal: at most 1.0), per round and overall, for each thread count.
#
#   bench/q2-epoch/run.sh                          # 3 rounds of 3 measured epochs, 2 and 1 threads
#   ROUNDS=5 EPOCHS=2 THREADS="2" bench/q2-epoch/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"  # EpochBench reads heldout/public relative to the repository
ROUNDS=${ROUNDS:-3}
EPOCHS=${EPOCHS:-3}                 # measured epochs per run, after one warm-up epoch
THREADS=${THREADS:-2 1}             # intra-op thread counts, each run by both in every round
PYTHON=${PYTHON:-/usr/bin/python3}  # Debian's python, the one with torch and numpy
out="$root/bench/q2-epoch/target"
mkdir -p "$out/classes"
results="$out/results-$(date +%Y%m%d-%H%M%S).txt"
export ENGINE_CACHE_DIR=${ENGINE_CACHE_DIR:-$root/target/djl-engine}

(cd "$root" && mvn -q -B package -DskipTests -pl reference-solution -am)
jar="$root/reference-solution/target/reference.jar"
javac -d "$out/classes" -cp "$jar:$root/reference-solution/target/lib/*" "$here/java/hw5/EpochBench.java"

{
  echo "# $(date -Is) $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  # Debian's torch links the system BLAS (its BLAS_INFO says "generic"): the library libblas.so.3 points to is the one used.
  echo "# torch $("$PYTHON" -c 'import torch; print(torch.__version__)') with libblas.so.3 -> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
} | tee "$results"

for round in $(seq 1 "$ROUNDS"); do
  for threads in $THREADS; do
    java -Dai.djl.offline=true -cp "$out/classes:$jar:$root/reference-solution/target/lib/*" hw5.EpochBench $((EPOCHS + 1)) "$threads" \
      | sed -u "s/^/round=$round /" | tee -a "$results"
    OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads \
      "$PYTHON" "$here/torch_epoch.py" "$threads" $((EPOCHS + 1)) | sed -u "s/^/round=$round /" | tee -a "$results"
  done
  echo "# load average after round $round: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
done

"$PYTHON" "$here/summarise.py" "$results" | tee -a "$results"
