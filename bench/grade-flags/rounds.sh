# What run.sh and compare.sh share (sourced, not run): the five submissions and the rounds.
# Needs: $root (the repository), $here (this folder), $work (a scratch folder), and the
# associative array `command` (label -> command line) with `order` (its labels, in turn).

# Sets `subs`: the Java reference complete, without its model file and Q1 only; the Python
# reference complete and without its model file.
make_submissions() {
  java_ref=examples/submissions/java-reference
  python_ref=examples/submissions/python-reference
  mkdir -p "$work/java-no-model" "$work/java-q1" "$work/python-no-model" "$here/results"
  cp "$java_ref/Q1.java" "$java_ref/predictions.npy" "$work/java-no-model/"
  cp "$java_ref/Q1.java" "$work/java-q1/"
  cp "$python_ref/q1.py" "$python_ref/q2.ipynb" "$python_ref/predictions.npy" "$work/python-no-model/"
  declare -gA subs=(
    [java-complete]=$java_ref [java-no-model]="$work/java-no-model" [java-q1]="$work/java-q1"
    [python-complete]=$python_ref [python-no-model]="$work/python-no-model"
  )
}

# grade_rounds RESULTS ROUNDS: javac, then each submission by each command, round after round;
# then the medians and ratios.
grade_rounds() {
  local results=$1 rounds=$2 r s c wall user sys score
  for ((r = 1; r <= rounds; r++)); do
    echo "# load average before round $r: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
    /usr/bin/time -o "$work/time" -f "%e %U %S" javac -d "$work/javac-out" "$java_ref/Q1.java" \
      student-template/q1/src/main/java/hw5/LinearGrads.java
    read -r wall user sys < "$work/time"
    echo "round=$r javac wall=$wall cpu=$(echo "$user + $sys" | bc)" | tee -a "$results"
    for s in java-complete java-no-model java-q1 python-complete python-no-model; do
      for c in "${order[@]}"; do
        # shellcheck disable=SC2086  # a command may be several words (java -jar ...)
        /usr/bin/time -o "$work/time" -f "%e %U %S" ${command[$c]} grade "${subs[$s]}" \
          --results "$work/$s-$c.json" --format none 2>/dev/null || true
        read -r wall user sys < "$work/time"
        score=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['score'])" "$work/$s-$c.json")
        echo "round=$r $s $c wall=$wall cpu=$(echo "$user + $sys" | bc) score=$score" | tee -a "$results"
      done
    done
  done
  echo "# load average after round $rounds: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"
  /usr/bin/python3 "$here/medians.py" "$results" "${order[@]}" | tee -a "$results"
}
