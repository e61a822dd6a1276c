#!/bin/bash
# An xlsx run ended by a signal leaves no temporary workbook behind (issue 17
# item 7): the workbook is built in $TMPDIR/noticetab-XXXXXX, which joins the
# interrupt cleanup. SIGTERM, because a background job ignores SIGINT.
# usage: xlsx_interrupt.sh BINARY SOURCE_DIR
set -u
B=$1 S=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/in" "$T/tmp"
for i in $(seq 200); do cp "$S/samples/linyi-2023.txt" "$T/in/$i.txt"; done
TMPDIR=$T/tmp "$B" -q -f xlsx -o "$T/o.xlsx" -r "$T/in" 2>"$T/err" &
pid=$!
until ls "$T/tmp" | grep -q noticetab-; do
  if ! kill -0 $pid 2>/dev/null; then
    wait $pid
    if grep -q libxlsxwriter "$T/err"; then echo "skipped: no libxlsxwriter"; exit 77; fi
    echo "FAIL: the run ended before its temporary workbook was seen"; exit 1
  fi
  sleep 0.005
done
kill -TERM $pid
wait $pid
rc=$?
left=$(ls -A "$T/tmp")
[ $rc = 143 ] || { echo "FAIL: exit $rc, expected 143"; exit 1; }
[ -z "$left" ] || { echo "FAIL: left in TMPDIR: $left"; exit 1; }
[ ! -e "$T/o.xlsx" ] || { echo "FAIL: a partial o.xlsx"; exit 1; }
echo ok
