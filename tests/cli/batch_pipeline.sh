#!/usr/bin/env bash
# The README's pipeline examples, run as written there (with the built binary):
# GNU parallel driving noticetab as a mapper, a streaming-engine mapper on
# stdin, and jsonl streaming: each document leaves as soon as it is done.
set -euo pipefail
bin=$1; cd "$2"
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

if ! command -v parallel >/dev/null; then
  echo "GNU parallel not installed (scripts/install-deps installs it)" >&2
  exit 77
fi

# README "Pipelines": one JSON line per notice, in input order with -k.
find samples -name '*.txt' | sort | parallel -k -j2 "$bin" -f jsonl {} > "$tmp/all.jsonl"
[ "$(wc -l < "$tmp/all.jsonl")" -eq "$(find samples -name '*.txt' | wc -l)" ]
python3 - "$tmp/all.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [d["source"] for d in docs] == sorted(d["source"] for d in docs), "not in input order"
assert all(d["tasks"] for d in docs), "a notice without tasks"
PY
# The same lines as one batch run of noticetab itself.
"$bin" -q -f jsonl $(find samples -name '*.txt' | sort) | cmp - "$tmp/all.jsonl"

# A Hadoop Streaming / RDD.pipe mapper reads a notice on stdin, writes a line.
[ "$("$bin" -f jsonl - < samples/linyi-2023.txt | wc -l)" -eq 1 ]

# Streaming: the second input is a FIFO nobody writes yet; the first document
# must already be out while noticetab waits for it.
mkfifo "$tmp/late.txt"
"$bin" -q -j 1 -f jsonl samples/linyi-2023.txt "$tmp/late.txt" > "$tmp/stream.jsonl" &
pid=$!
for _ in $(seq 300); do [ -s "$tmp/stream.jsonl" ] && break; sleep 0.1; done
[ "$(wc -l < "$tmp/stream.jsonl")" -eq 1 ] || { echo "first document not streamed" >&2; exit 1; }
cat samples/laiwu-2021.txt > "$tmp/late.txt"
wait "$pid"
pid=
[ "$(wc -l < "$tmp/stream.jsonl")" -eq 2 ]
echo "batch pipeline: ok"
