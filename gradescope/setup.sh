#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (our Dockerfile does the
# same). It installs a JDK (the grader compiles submissions with javax.tools, so a JRE is not enough),
# Python 3 with numpy (the Python edition's q1.py runs on them) and PyTorch with OpenBLAS (its
# my_model.pt is evaluated with them, in the sandbox), and locks the grader away: grader.jar holds
# the hidden vectors and the held-out labels.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless util-linux ca-certificates \
    python3 python3-numpy python3-torch libopenblas0-pthread >/dev/null
rm -rf /var/lib/apt/lists/*
source_dir=$(cd "$(dirname "$0")" && pwd)
chown -R root:root "$source_dir"
chmod 700 "$source_dir"
chmod 600 "$source_dir/grader.jar"
chmod 700 "$source_dir/run_autograder" "$source_dir/setup.sh"
# Archive the classes a grading run loads (javac, JUnit, Jackson: thousands), so that every
# submission's grader JVM starts faster. The run grades an empty Q1, which touches them all.
warm=$(mktemp -d)
printf 'package hw5;\npublic final class Q1 {\n}\n' > "$warm/Q1.java"
java -XX:ArchiveClassesAtExit="$source_dir/grader.jsa" -jar "$source_dir/grader.jar" \
    grade "$warm" --format none >/dev/null 2>&1 || rm -f "$source_dir/grader.jsa"
rm -rf "$warm"
chmod 600 "$source_dir/grader.jsa" 2>/dev/null || true
# A submission with a my_model.json is graded with C2 for the grader's model evaluator alone:
# its kernels need C2's vector instructions (3x faster than C1 code), while compiling javac and
# the rest with C2 would cost more than it saves (bench/grade-flags). run_autograder uses this
# file when the submission holds a my_model.json. The same as grader/jit-directives.json, which the
# README's batch command names (JitDirectivesTest keeps them equal).
cat > "$source_dir/jit-directives.json" <<'JSON'
[
  { match: ["edu/mlcourse/hw5/grader/heldout/BlockForward.*", "edu/mlcourse/hw5/grader/heldout/DenseOps.*"], c2: { Exclude: false } },
  { match: "*.*", c2: { Exclude: true } }
]
JSON
chmod 600 "$source_dir/jit-directives.json"
