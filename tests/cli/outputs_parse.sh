#!/usr/bin/env bash
# Every output format of every sample parses with the standard tools users
# pipe it into: PyYAML, python3 -m json.tool, Python's csv module.
set -euo pipefail
bin=$1; cd "$2"
for f in samples/*.txt; do
  "$bin" -f json "$f" | python3 -m json.tool >/dev/null
  "$bin" -f yaml "$f" | python3 -c 'import sys, yaml; d = yaml.safe_load(sys.stdin); assert d["tasks"], "no tasks"'
  "$bin" -f jsonl "$f" | python3 -c 'import sys, json; [json.loads(l) for l in sys.stdin]'
done
"$bin" -f yaml samples/*.txt | python3 -c 'import sys, yaml; assert len(list(yaml.safe_load_all(sys.stdin))) == 5'
"$bin" -f json samples/*.txt | python3 -c 'import sys, json; assert len(json.load(sys.stdin)) == 5'
"$bin" -f csv samples/*.txt | python3 -c '
import sys, csv
rows = list(csv.reader(sys.stdin))
assert len(rows) == 221, len(rows)
assert all(len(r) == 21 for r in rows), "ragged rows"'
# YAML and JSON carry the same tree.
for f in samples/*.txt; do
  python3 - "$bin" "$f" <<'PY'
import json, subprocess, sys, yaml
bin, f = sys.argv[1], sys.argv[2]
j = json.loads(subprocess.run([bin, "-f", "json", f], capture_output=True, check=True).stdout)
y = yaml.safe_load(subprocess.run([bin, "-f", "yaml", f], capture_output=True, check=True).stdout)
assert j == y, f"YAML and JSON differ for {f}"
PY
done
echo "outputs parse: ok"
