#!/bin/sh
# Rebuilds the real36 workbooks (python3 stdlib only). Usage: sh tests/probes/real36/make/make.sh  (from anywhere)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(dirname "$HERE")
cd "$HERE"
python3 make_samples.py "$DIR"          # s01..s07
python3 make_min.py "$DIR"              # min/ and var/
ls -l "$DIR"/*.xlsx "$DIR/min" "$DIR/var"
