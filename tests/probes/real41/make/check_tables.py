#!/usr/bin/env python3
"""Check the `table` field that check_facts.py cannot: for each sample with `table_all`,
every task's `table` must equal it (null for body-only notices).
usage: check_tables.py FACTS.yaml BIN"""
import json, os, subprocess, sys, unicodedata
import yaml

def norm(s):
    return None if s is None else "".join(c for c in unicodedata.normalize("NFKC", s) if not c.isspace())

facts, binary = sys.argv[1], sys.argv[2]
base = os.path.dirname(os.path.abspath(facts))
ok = bad = 0
for e in yaml.safe_load(open(facts, encoding="utf-8")):
    if "table_all" not in e:
        continue
    out = subprocess.run([binary, "-f", "json", os.path.join(base, e["sample"])], capture_output=True)
    tasks = json.loads(out.stdout).get("tasks") or []
    want = norm(e["table_all"])
    wrong = [(t.get("id"), t.get("table")) for t in tasks if norm(t.get("table")) != want]
    if wrong:
        bad += 1
        print(f"FAIL {e['sample']} table: want {e['table_all']!r}, got {wrong[:3]!r}{' ...' if len(wrong) > 3 else ''}")
    else:
        ok += 1
print(f"{ok} passed, {bad} failed")
sys.exit(1 if bad else 0)
