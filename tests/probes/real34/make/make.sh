#!/bin/sh
# Rebuilds every real34 sample, min/ and var/ file. Needs python3; LibreOffice (soffice) only for var/v1d.
# Usage: sh tests/probes/real34/make/make.sh   (from anywhere)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(dirname "$HERE")
export PYTHONDONTWRITEBYTECODE=1
python3 "$HERE/make_ofd.py" "$DIR"      # s01, s02 (.ofd)
python3 "$HERE/make_docx.py" "$DIR"     # s03-s06 (.docx)
python3 "$HERE/make_odt.py" "$DIR"      # s07 (.odt)
mkdir -p "$DIR/min" "$DIR/var"
python3 "$HERE/make_min.py" "$DIR"      # min/m1 m2, var/v1a-c v2a-b
export HOME=${LO_HOME:-/tmp/lohome}
TMP=$(mktemp -d)
soffice --headless --convert-to odt "$DIR/min/m1_odt_seq_numbered_by_list_in_cells.odt" --outdir "$TMP" >/dev/null 2>&1
mv "$TMP/m1_odt_seq_numbered_by_list_in_cells.odt" "$DIR/var/v1d_odt_seq_list_resaved_by_libreoffice.odt"
rm -rf "$TMP"
# To look at an OFD page: python3 make/ofd_preview.py FILE.ofd /tmp/prefix  (writes one SVG a page)
ls -l "$DIR" "$DIR/min" "$DIR/var"
