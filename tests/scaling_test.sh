#!/usr/bin/env bash
# Parsing time grows linearly: a quadratic regression fails CI. Runs
# bench/scaling on 5k vs 50k table rows and a 4 MB vs 40 MB single-line
# notice; each 10x in size may cost at most 20x in CPU time (linear is 10x;
# the bound is generous, and a failing pair is measured again, so a busy
# machine does not fail the build).
# Usage: scaling_test.sh NOTICETAB SOURCE_DIR
set -euo pipefail
exec python3 "$2/bench/scaling" --bin "$1" --rows 5000,50000 --line-mb 4,40 \
  --max-ratio 20 --repeat 3 --timeout 120
