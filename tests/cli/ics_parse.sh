#!/usr/bin/env bash
# A real iCalendar parser (python3-icalendar, Debian) reads what `due -f ics`
# writes for the five samples: one all-day VEVENT per dated task, each with
# its date, the unit and the notice in DESCRIPTION; every line ends in CRLF
# and is at most 75 octets.
#   usage: ics_parse.sh NOTICETAB_BINARY SOURCE_DIR
# Exits 77 (skipped) when no python3 has the icalendar module, outside CI.
set -euo pipefail
bin=$1; cd "$2"
py=
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import icalendar' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
  echo "icalendar not found: run scripts/install-deps (Debian python3-icalendar)" >&2
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/noticetab-ics-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bin" due -q -f ics -o "$work/all.ics" samples/*.txt
"$bin" -q -f json samples/*.txt > "$work/all.json"
"$bin" due -q -f ics --month 2023-06 -o "$work/june.ics" samples/*.txt
"$py" - "$work" <<'PY'
import datetime, json, sys
import icalendar

work = sys.argv[1]
raw = open(f"{work}/all.ics", "rb").read()
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "the file does not end in CRLF"
assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF"
assert all(len(l) <= 75 for l in lines), "a line longer than 75 octets"
cal = icalendar.Calendar.from_ical(raw)
events = [c for c in cal.walk() if c.name == "VEVENT"]
docs = json.load(open(f"{work}/all.json", encoding="utf-8"))
dated = [(d, t) for d in docs for t in d["tasks"] if t["deadline"]["date"]]
assert len(events) == len(dated), f"{len(events)} events for {len(dated)} dated tasks"
uids = {str(e["UID"]) for e in events}
assert len(uids) == len(events), "UIDs repeat"
want = sorted((t["deadline"]["date"], d["source"], t["id"]) for d, t in dated)
got = []
for e in events:
    start = e.decoded("DTSTART")
    assert type(start) is datetime.date, f"not an all-day event: {start!r}"
    assert e.decoded("DTEND") == start + datetime.timedelta(days=1)
    assert e.get("DTSTAMP") is not None
    desc = str(e["DESCRIPTION"])
    source, _, task_id = desc.rsplit("\n来源: ", 1)[1].rpartition(" #")
    got.append((start.isoformat(), source, int(task_id)))
    task = next(t for d, t in dated if d["source"] == source and t["id"] == int(task_id))
    doc = next(d for d in docs if d["source"] == source)
    assert desc.startswith(task["content"]), "DESCRIPTION does not start with the task"
    assert "责任单位: " + "、".join(task["units"]) in desc
    assert (doc["document"]["title"] or source) in desc
assert sorted(got) == want, "events and dated tasks differ"
june = [c for c in icalendar.Calendar.from_ical(open(f"{work}/june.ics", "rb").read()).walk() if c.name == "VEVENT"]
want_june = [x for x in want if x[0].startswith("2023-06")]
assert len(june) == len(want_june) > 0, (len(june), len(want_june))
print(f"ics parse: ok ({len(events)} events, {len(june)} in 2023-06)")
PY
