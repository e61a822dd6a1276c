#!/usr/bin/env bash
# The portable scans give the same output as the AVX2 ones. CI machines have
# AVX2, so without this the portable paths (what a processor without AVX2
# runs) would only be tested function by function. NOTICETAB_SIMD=off turns
# every AVX2 scan off (src/simd.h); each sample, composed notice and test
# input is converted both ways, to JSON, YAML and CSV (the writers have their
# own scans), and one batch of all of them as JSON Lines; the outputs must be
# byte-identical. Exit 77 (skipped) on a processor without AVX2: both runs
# would take the same paths.
# Usage: no_simd.sh NOTICETAB SOURCE_DIR
set -euo pipefail
bin=$1; cd "$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

on=$("$bin" --version | sed -n 's/^scans: //p')
off=$(NOTICETAB_SIMD=off "$bin" --version | sed -n 's/^scans: //p')
if [ "$off" != "portable (NOTICETAB_SIMD=off)" ]; then
  echo "no_simd: NOTICETAB_SIMD=off was not taken (--version says scans: $off)" >&2
  exit 1
fi
if [ "$on" != "avx2" ]; then
  echo "no_simd: this processor runs no AVX2 scans (scans: $on); nothing to compare" >&2
  exit 77
fi

inputs=()
while IFS= read -r -d '' f; do inputs+=("$f"); done < <(
  find samples tests/data -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.docx' \
    -o -name '*.odt' -o -name '*.xlsx' -o -name '*.fods' -o -name '*.ofd' -o -name '*.csv' \) -print0 | sort -z)
[ "${#inputs[@]}" -ge 20 ] || { echo "no_simd: only ${#inputs[@]} inputs found" >&2; exit 1; }

compared=0 differ=0
for f in "${inputs[@]}"; do
  for fmt in json yaml csv; do
    set +e
    "$bin" -q -f "$fmt" "$f" > "$tmp/a" 2> "$tmp/a.err"; ra=$?
    NOTICETAB_SIMD=off "$bin" -q -f "$fmt" "$f" > "$tmp/b" 2> "$tmp/b.err"; rb=$?
    set -e
    compared=$((compared + 1))
    if [ "$ra" != "$rb" ] || ! cmp -s "$tmp/a" "$tmp/b" || ! cmp -s "$tmp/a.err" "$tmp/b.err"; then
      differ=$((differ + 1))
      echo "no_simd: $f -f $fmt differs (exit $ra with AVX2, $rb without):" >&2
      diff "$tmp/a" "$tmp/b" | head -10 >&2 || true
    fi
  done
done

# A batch: the worker threads and the streaming writer, both ways.
"$bin" -q -r -j 2 -f jsonl samples tests/data > "$tmp/batch-a" 2> /dev/null || true
NOTICETAB_SIMD=off "$bin" -q -r -j 2 -f jsonl samples tests/data > "$tmp/batch-b" 2> /dev/null || true
compared=$((compared + 1))
if ! cmp -s "$tmp/batch-a" "$tmp/batch-b" || [ ! -s "$tmp/batch-a" ]; then
  differ=$((differ + 1))
  echo "no_simd: the batch of samples and tests/data differs (or is empty)" >&2
fi

echo "no_simd: $compared outputs compared, $differ differ"
[ "$differ" -eq 0 ]
