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
# `grader` is the grader's command (grader.jar with the JVM settings that pay off, bench/grade-flags),
# which run_autograder runs. Its class-data archive, grader.jsa, is only valid for this jar and this
# JDK, so it is made here, in the image, by the command itself.
chmod 700 "$source_dir/grader"
chmod 600 "$source_dir/jit-directives.json"
"$source_dir/grader" --make-class-archive
chmod 600 "$source_dir/grader.jsa" 2>/dev/null || true
