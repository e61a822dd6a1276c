#!/usr/bin/env bash
# Parsing time grows linearly: a quadratic regression fails CI. Runs
# bench/scaling on 2k vs 20k table rows and a 2 MB vs 20 MB single-line
# notice; each 10x in size may cost at most 20x in CPU time (linear is 10x;
# the bound is generous so a busy machine does not fail the build).
# Usage: scaling_test.sh NOTICETAB SOURCE_DIR
set -euo pipefail
exec python3 "$2/bench/scaling" --bin "$1" --rows 2000,20000 --line-mb 2,20 \
  --max-ratio 20 --repeat 2 --timeout 120
