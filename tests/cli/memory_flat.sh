#!/bin/bash
# Combined outputs stream (issue 17 item 10): the peak RSS of one combined
# csv / json / yaml output does not grow with the number of inputs. 40 and 400
# notices must peak within 16 MB of each other (before, every document was
# kept until the end: ~80 KB each).
# usage: memory_flat.sh BINARY SOURCE_DIR
set -eu
B=$1 S=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for i in $(seq 400); do cp "$S/samples/linyi-2023.txt" "$T/$(printf %03d $i).txt"; done
peak() {  # peak RSS in KB of: noticetab ARGS... > /dev/null
  python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}
fail=0
for f in csv json yaml; do
  small=$(peak "$B" -q -j 2 -f $f "$T"/0[0-3]?.txt)
  big=$(peak "$B" -q -j 2 -f $f "$T"/*.txt)
  echo "$f: 40 notices $small KB, 400 notices $big KB"
  [ $((big - small)) -le 16384 ] || { echo "FAIL: $f grows with the batch"; fail=1; }
done
exit $fail
