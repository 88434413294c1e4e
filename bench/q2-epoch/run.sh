#!/usr/bin/env bash
# Seconds per training epoch: the reference Java trainer against the same MLP in PyTorch on CPU.
# Runs are interleaved (Java, then PyTorch with each thread count, round after round) because the
# machine is shared and noisy; the first epoch of every run is warm-up (JIT, caches) and dropped.
# Prints the median seconds per epoch of each setup and the ratio Java / best PyTorch.
#
#   bench/q2-epoch/run.sh                      # defaults below
#   ROUNDS=5 EPOCHS=3 ARCHS="256,128" bench/q2-epoch/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"  # EpochBench reads heldout/public relative to the repository
ROUNDS=${ROUNDS:-3}
EPOCHS=${EPOCHS:-3}                 # measured epochs per run, after one warm-up epoch
ARCHS=${ARCHS:-"256,128 512,128"}   # hidden layer sizes; the comparison point, then the reference's
# The reference trains two 512-128 networks at once, one per core: set ENSEMBLE=0 to skip timing
# that (Java: two networks on two threads; PyTorch: two 1-thread processes at the same time).
ENSEMBLE=${ENSEMBLE:-1}
JAVA_THREADS=${JAVA_THREADS:-"1 2"}  # one network, products split over this many threads
# PyTorch setups, THREADS:OPENBLAS_CORETYPE. Debian's torch calls libblas.so.3, which is OpenBLAS
# (pthread build); this machine's environment pins OPENBLAS_CORETYPE=Haswell (AVX2), SkylakeX
# lets OpenBLAS use AVX-512.
TORCH_SETUPS=${TORCH_SETUPS:-"1:Haswell 2:Haswell 1:SkylakeX 2:SkylakeX"}
# On a busy machine, prefer 1-thread setups: OpenBLAS's 2-thread pool spins and collapses when
# the cores are oversubscribed (measured: 5 s epochs became 30 to 110 s).
PYTHON=${PYTHON:-/usr/bin/python3}  # Debian's python, the one with torch and numpy
out="$root/bench/q2-epoch/target"
mkdir -p "$out/classes"
results="$out/results-$(date +%Y%m%d-%H%M%S).txt"

(cd "$root" && mvn -q -B package -DskipTests -pl reference-solution -am)
jar="$root/reference-solution/target/reference.jar"
javac -d "$out/classes" -cp "$jar" "$here/java/hw5/EpochBench.java"

{
  echo "# $(date -Is) $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# torch $("$PYTHON" -c 'import torch; print(torch.__version__)')," \
       "$("$PYTHON" -c 'import torch; print(torch.__config__.show())' | grep -o 'BLAS_INFO=[a-z]*')," \
       "libblas.so.3 -> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
} | tee "$results"

for round in $(seq 1 "$ROUNDS"); do
  for arch in $ARCHS; do
    for t in $JAVA_THREADS; do
      java -cp "$jar:$out/classes" hw5.EpochBench "$arch" "$t" $((EPOCHS + 1)) | tee -a "$results"
    done
    for setup in $TORCH_SETUPS; do
      t=${setup%%:*}
      OPENBLAS_CORETYPE=${setup#*:} OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t \
        "$PYTHON" "$here/torch_epoch.py" "$arch" "$t" $((EPOCHS + 1)) "${setup#*:}" | tee -a "$results"
    done
  done
  if [[ $ENSEMBLE == 1 ]]; then
    java -cp "$jar:$out/classes" hw5.EpochBench 512,128 2 $((EPOCHS + 1)) 2 | tee -a "$results"
    for setup in $TORCH_SETUPS; do
      [[ ${setup%%:*} == 1 ]] || continue
      for k in 1 2; do
        OPENBLAS_CORETYPE=${setup#*:} OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
          "$PYTHON" "$here/torch_epoch.py" 512,128 1 $((EPOCHS + 1)) "${setup#*:}" > "$out/pair$k.txt" &
      done
      wait
      # An epoch of the pair lasts as long as the slower of the two.
      paste -d' ' "$out/pair1.txt" "$out/pair2.txt" | awk '{
          split($6, a, "="); split($(NF/2 + 6), b, "=");
          s = a[2] > b[2] ? a[2] : b[2];
          printf "torch/x2/%s %s threads=2 %s %s seconds=%.3f\n", substr($1, 7), $2, $4, $5, s }' | tee -a "$results"
    done
  fi
done

"$PYTHON" "$here/summarise.py" "$results"
